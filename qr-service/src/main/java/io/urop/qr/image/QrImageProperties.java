package io.urop.qr.image;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the rendered codes and sheets are kept ({@code urop.qr.images.*}).
 *
 * @param bucket    the S3 bucket (created at start-up if it does not exist)
 * @param endpoint  an S3-compatible server instead of AWS (path-style access); empty for AWS
 * @param accessKey with {@code secretKey}; empty for the SDK's default credentials (an IAM role)
 */
@ConfigurationProperties("urop.qr.images")
public record QrImageProperties(
        @DefaultValue("urop-qr-codes") String bucket,
        URI endpoint,
        @DefaultValue("us-east-1") String region,
        String accessKey,
        String secretKey) {

    @Override
    public String toString() {
        return "QrImageProperties[bucket=" + bucket + ", endpoint=" + endpoint + ", region=" + region + "]";
    }
}
