package io.urop.devstack;

import java.time.Duration;

import io.urop.infra.S3Server;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import static org.assertj.core.api.Assertions.assertThat;

class S3ServerTest {

    @Test
    void objectsGoInAndComeOutThroughTheAwsSdk() throws Exception {
        try (S3Server server = S3Server.start()) {
            StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(S3Server.ACCESS_KEY, S3Server.SECRET_KEY));
            try (S3Client s3 = S3Client.builder()
                    .endpointOverride(server.endpoint())
                    .region(Region.US_EAST_1)
                    .credentialsProvider(credentials)
                    .forcePathStyle(true)
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                    .build();
                 S3Presigner presigner = S3Presigner.builder()
                    .endpointOverride(server.endpoint())
                    .region(Region.US_EAST_1)
                    .credentialsProvider(credentials)
                    .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder()
                            .pathStyleAccessEnabled(true).build())
                    .build()) {
                s3.createBucket(b -> b.bucket("menu-images"));
                s3.putObject(p -> p.bucket("menu-images").key("dish.txt").contentType("text/plain"),
                        RequestBody.fromString("soup of the day"));

                assertThat(s3.getObjectAsBytes(g -> g.bucket("menu-images").key("dish.txt")).asUtf8String())
                        .isEqualTo("soup of the day");

                var url = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                        .getObjectRequest(GetObjectRequest.builder().bucket("menu-images").key("dish.txt").build())).url();
                try (var in = url.openStream()) {
                    assertThat(new String(in.readAllBytes())).isEqualTo("soup of the day");
                }
            }
        }
    }
}
