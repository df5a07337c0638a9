package io.urop.payment.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.stripe.net.Webhook;
import io.urop.payment.PaymentServiceTest;
import io.urop.stripe.emulator.WebhookDelivery;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class WebhookTest extends PaymentServiceTest {

    @Test
    void onlyAnUntamperedRecentWebhookSignedWithACurrentSecretIsTakenAndAForgedOneChangesNothing() throws Exception {
        String account = connectedAccount();
        WebhookDelivery delivered = await().atMost(Duration.ofSeconds(10)).until(() -> STRIPE.webhookDeliveries()
                .stream().filter(d -> d.succeeded() && d.payload().contains(account)).findFirst().orElse(null),
                d -> d != null);
        String payload = delivered.payload();
        long now = Instant.now().getEpochSecond();

        assertThat(status(payload, delivered.signatureHeader())).as("delivered again").isEqualTo(200);
        assertThat(status(payload, Webhook.Signature.generateSignatureHeader(payload, PREVIOUS_WEBHOOK_SECRET)))
                .as("signed with the secret being rolled over").isEqualTo(200);

        String forgedId = "evt_forged_" + UUID.randomUUID().toString().replace("-", "");
        String forged = payload.replace(delivered.eventId(), forgedId);
        assertThat(forged).isNotEqualTo(payload);
        assertThat(status(forged, delivered.signatureHeader())).as("tampered").isEqualTo(400);
        assertThat(status(forged, Webhook.Signature.generateSignatureHeader(forged, "whsec_not_ours")))
                .as("another secret").isEqualTo(400);
        assertThat(status(forged, header(forged, WEBHOOK_SECRET, now - 301))).as("older than 300 s").isEqualTo(400);
        assertThat(status(forged, null)).as("unsigned").isEqualTo(400);
        assertThat(status("not json at all", Webhook.Signature.generateSignatureHeader("not json at all", WEBHOOK_SECRET)))
                .as("signed, but no event").isEqualTo(400);

        assertThat(SUPERUSER.queryForObject("select count(*) from stripe_events where event_id = ?", Integer.class,
                forgedId)).isZero();
        assertThat(status(forged, header(forged, WEBHOOK_SECRET, now - 200))).as("recent, rightly signed")
                .isEqualTo(200);
        assertThat(SUPERUSER.queryForObject("select count(*) from stripe_events where event_id = ?", Integer.class,
                forgedId)).isOne();
    }

    private int status(String payload, String signature) {
        return post(payload, signature).returnResult(String.class).getStatus().value();
    }

    private RestTestClient.ResponseSpec post(String payload, String signature) {
        RestTestClient.RequestBodySpec request = http.post().uri("/webhooks/stripe")
                .contentType(MediaType.APPLICATION_JSON);
        if (signature != null) {
            request.header("Stripe-Signature", signature);
        }
        return request.body(payload).exchange();
    }

    private static String header(String payload, String secret, long timestamp) throws Exception {
        return "t=" + timestamp + ",v1=" + Webhook.Util.computeHmacSha256(secret, timestamp + "." + payload);
    }
}
