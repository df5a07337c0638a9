package io.urop.menu.image;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Dish images ({@code urop.menu.images.*}).
 *
 * @param bucket        the S3 bucket (created at start-up if it does not exist)
 * @param endpoint      an S3-compatible server instead of AWS (path-style access); empty for AWS
 * @param accessKey     with {@code secretKey}; empty for the SDK's default credentials (an IAM role)
 * @param publicBaseUrl where the bucket is served publicly (a CDN): image URLs are that plus the key; empty
 *                      for presigned URLs
 * @param urlValidFor   how long a presigned URL works (a cached menu is re-rendered before half of it passed)
 * @param maxUploadSize the largest upload accepted
 * @param maxDecodedSize the most memory one upload may take, its body, decoded pixels and widest rendition together
 *                      (a small file can decode to a huge picture); a picture that needs more is refused
 * @param decodingMemory the most memory all uploads being read and decoded at once may take
 * @param decodingWait  how long an upload waits for others to leave it memory before it is told to retry
 * @param widths        the standard widths stored for every image (never wider than the upload)
 */
@ConfigurationProperties("urop.menu.images")
public record ImageProperties(
        @DefaultValue("urop-menu-images") String bucket,
        URI endpoint,
        @DefaultValue("us-east-1") String region,
        String accessKey,
        String secretKey,
        URI publicBaseUrl,
        @DefaultValue("6h") Duration urlValidFor,
        @DefaultValue("5MB") DataSize maxUploadSize,
        @DefaultValue("64MB") DataSize maxDecodedSize,
        @DefaultValue("96MB") DataSize decodingMemory,
        @DefaultValue("10s") Duration decodingWait,
        @DefaultValue({"320", "800", "1600"}) List<Integer> widths) {

    @Override
    public String toString() {
        return "ImageProperties[bucket=" + bucket + ", endpoint=" + endpoint + ", region=" + region
                + ", publicBaseUrl=" + publicBaseUrl + ", widths=" + widths + "]";
    }
}
