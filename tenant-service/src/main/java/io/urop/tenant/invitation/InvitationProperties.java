package io.urop.tenant.invitation;

import java.net.URI;
import java.time.Duration;
import java.util.Base64;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Staff invitations ({@code urop.tenant.invitations.*}).
 *
 * @param signingKey base64 of at least 32 random bytes that sign invitation links (a secret, from the
 *                   environment: {@code UROP_INVITATION_SIGNING_KEY})
 * @param acceptUrl  the page of the staff app where an invitation is accepted; the token is appended
 * @param validFor   how long an invitation can be accepted
 */
@ConfigurationProperties("urop.tenant.invitations")
record InvitationProperties(String signingKey, @DefaultValue("http://localhost:8080/invitations/") URI acceptUrl,
        @DefaultValue("7d") Duration validFor) {

    InvitationProperties {
        if (signingKey == null || signingKey.isBlank()) {
            throw new IllegalStateException("urop.tenant.invitations.signing-key is not set (UROP_INVITATION_SIGNING_KEY)");
        }
        if (Base64.getDecoder().decode(signingKey).length < 32) {
            throw new IllegalStateException("urop.tenant.invitations.signing-key must be at least 32 bytes, base64-encoded");
        }
    }

    byte[] signingKeyBytes() {
        return Base64.getDecoder().decode(signingKey);
    }

    @Override
    public String toString() {
        return "InvitationProperties[acceptUrl=" + acceptUrl + ", validFor=" + validFor + "]";
    }
}
