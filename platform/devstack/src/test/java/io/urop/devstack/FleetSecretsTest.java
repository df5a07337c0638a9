package io.urop.devstack;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FleetSecretsTest {

    @Test
    void eachServiceGetsOnlyItsOwnSecretsAndAGivenOneIsKept() {
        FleetSecrets secrets = FleetSecrets.from(Map.of("UROP_QR_KEY_ENCRYPTION_KEY", "given-key"));

        assertThat(secrets.of(Member.QR_SERVICE)).containsOnlyKeys("UROP_QR_KEY_ENCRYPTION_KEY",
                "UROP_CLIENT_SECRET_QR_SERVICE").containsEntry("UROP_QR_KEY_ENCRYPTION_KEY", "given-key");
        assertThat(secrets.of(Member.AUTH_SERVICE)).doesNotContainKey("UROP_QR_KEY_ENCRYPTION_KEY")
                .containsEntry("UROP_CLIENT_SECRET_QR_SERVICE", secrets.of(Member.QR_SERVICE).get("UROP_CLIENT_SECRET_QR_SERVICE"));
        assertThat(secrets.of(Member.MENU_SERVICE)).isEmpty();
        assertThat(FleetSecrets.from(Map.of()).of(Member.QR_SERVICE).get("UROP_QR_KEY_ENCRYPTION_KEY"))
                .isNotEqualTo(FleetSecrets.from(Map.of()).of(Member.QR_SERVICE).get("UROP_QR_KEY_ENCRYPTION_KEY"))
                .hasSize(44);
    }
}
