package io.urop.qr.image;

import java.util.Optional;
import java.util.function.Supplier;

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
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The rendered codes and sheets in S3, under the tenant's prefix. A key names everything its content depends on (the
 * code's version among it), so an object never changes: it is rendered once and read back after.
 */
@Component
@EnableConfigurationProperties(QrImageProperties.class)
class QrImageStore implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(QrImageStore.class);

    private final QrImageProperties properties;
    private final S3Client s3;

    QrImageStore(QrImageProperties properties) {
        this.properties = properties;
        AwsCredentialsProvider credentials = properties.accessKey() == null || properties.accessKey().isBlank()
                ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(properties.accessKey(), properties.secretKey()));
        var client = S3Client.builder().region(Region.of(properties.region())).credentialsProvider(credentials);
        if (properties.endpoint() != null) {
            // an S3-compatible server: path-style addressing, and no checksums it may not understand
            client.endpointOverride(properties.endpoint()).forcePathStyle(true)
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        this.s3 = client.build();
        ensureBucket();
    }

    /** The object under that key, rendered and stored first if it is not there yet. */
    byte[] getOrRender(String key, String contentType, Supplier<byte[]> render) {
        return get(key).orElseGet(() -> {
            byte[] rendered = render.get();
            s3.putObject(request -> request.bucket(properties.bucket()).key(key).contentType(contentType),
                    RequestBody.fromBytes(rendered));
            return rendered;
        });
    }

    Optional<byte[]> get(String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(request -> request.bucket(properties.bucket()).key(key)).asByteArray());
        }
        catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    private void ensureBucket() {
        try {
            s3.headBucket(request -> request.bucket(properties.bucket()));
        }
        catch (NoSuchBucketException e) {
            log.info("Creating the QR code bucket {}", properties.bucket());
            s3.createBucket(request -> request.bucket(properties.bucket()));
        }
        catch (RuntimeException e) {
            log.warn("Cannot reach the QR code bucket {} yet: {}", properties.bucket(), e.toString());
        }
    }

    @Override
    public void destroy() {
        s3.close();
    }
}
