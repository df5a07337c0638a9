package io.urop.menu.image;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The dish images in S3, one object per standard width: {@code <tenant>/<image>/<width>.jpg}. The tenant is
 * part of every key, so a menu can only ever show its own tenant's pictures. Diners get them from the public
 * base URL (a CDN in front of the bucket) or, without one, by presigned URLs.
 */
@Component
@EnableConfigurationProperties(ImageProperties.class)
public class ImageStore implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ImageStore.class);

    private final ImageProperties properties;
    private final S3Client s3;
    private final S3Presigner presigner;

    ImageStore(ImageProperties properties) {
        this.properties = properties;
        AwsCredentialsProvider credentials = properties.accessKey() == null || properties.accessKey().isBlank()
                ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(properties.accessKey(), properties.secretKey()));
        Region region = Region.of(properties.region());
        var client = S3Client.builder().region(region).credentialsProvider(credentials);
        var presign = S3Presigner.builder().region(region).credentialsProvider(credentials);
        if (properties.endpoint() != null) {
            // an S3-compatible server: path-style addressing, and no checksums it may not understand
            client.endpointOverride(properties.endpoint()).forcePathStyle(true)
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
            presign.endpointOverride(properties.endpoint())
                    .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build());
        }
        this.s3 = client.build();
        this.presigner = presign.build();
        ensureBucket();
    }

    void put(UUID tenantId, UUID imageId, int width, byte[] jpeg) {
        s3.putObject(request -> request.bucket(properties.bucket()).key(key(tenantId, imageId.toString(), width))
                .contentType("image/jpeg").cacheControl("public, max-age=31536000, immutable"),
                RequestBody.fromBytes(jpeg));
    }

    /**
     * Removes every standard width of an image of the tenant, one object at a time: a multi-object delete needs
     * a checksum header that some S3-compatible servers do not implement.
     */
    void delete(UUID tenantId, String imageKey) {
        for (int width : properties.widths()) {
            s3.deleteObject(request -> request.bucket(properties.bucket()).key(key(tenantId, imageKey, width)));
        }
    }

    /** The URL of each standard width of an image of the tenant, widest last. */
    public Map<Integer, URI> urls(UUID tenantId, String imageKey) {
        Map<Integer, URI> urls = new LinkedHashMap<>();
        for (int width : properties.widths()) {
            String key = key(tenantId, imageKey, width);
            urls.put(width, properties.publicBaseUrl() != null
                    ? properties.publicBaseUrl().resolve(properties.publicBaseUrl().getPath().endsWith("/") ? key : "/" + key)
                    : URI.create(presigner.presignGetObject(request -> request.signatureDuration(properties.urlValidFor())
                            .getObjectRequest(get -> get.bucket(properties.bucket()).key(key))).url().toString()));
        }
        return urls;
    }

    /** How long the URLs {@link #urls} gives keep working; empty when they do not expire. */
    public Optional<Duration> urlsValidFor() {
        return properties.publicBaseUrl() != null ? Optional.empty() : Optional.of(properties.urlValidFor());
    }

    private static String key(UUID tenantId, String imageKey, int width) {
        return tenantId + "/" + imageKey + "/" + width + ".jpg";
    }

    private void ensureBucket() {
        try {
            s3.headBucket(request -> request.bucket(properties.bucket()));
        }
        catch (NoSuchBucketException e) {
            log.info("Creating the image bucket {}", properties.bucket());
            s3.createBucket(request -> request.bucket(properties.bucket()));
        }
        catch (RuntimeException e) {
            log.warn("Cannot reach the image bucket {} yet: {}", properties.bucket(), e.toString());
        }
    }

    @Override
    public void destroy() {
        presigner.close();
        s3.close();
    }
}
