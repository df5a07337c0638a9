package io.urop.qr.scan;

import java.util.UUID;

import io.urop.client.CallFailed;
import io.urop.client.ServiceClient;
import io.urop.client.ServiceClients;

import org.springframework.stereotype.Component;

/**
 * A diner's token from auth-service ({@code POST /internal/v1/diner-tokens}, which only qr-service may call). Each
 * call mints a new token, so it is not repeated: a diner whose scan failed scans again.
 */
@Component
class DinerTokens {

    /** What a diner is told when auth-service cannot answer. */
    static final String TRY_AGAIN = "The table cannot be opened right now. Please scan the code again in a moment.";

    private final ServiceClient auth;

    DinerTokens(ServiceClients clients) {
        this.auth = clients.client("auth-service");
    }

    /** @throws CallFailed 503 (or 504) when auth-service cannot answer */
    DinerToken issue(UUID tenantId, UUID locationId, UUID tableId, UUID sessionId, UUID guestId) {
        try {
            return auth.post("/internal/v1/diner-tokens")
                    .body(new DinerTokenRequest(tenantId, locationId, tableId, sessionId, guestId))
                    .fetch(DinerToken.class);
        }
        catch (CallFailed e) {
            e.setDetail(TRY_AGAIN);
            throw e;
        }
    }

    record DinerTokenRequest(UUID tenantId, UUID locationId, UUID tableId, UUID tableSessionId, UUID guestId) {
    }

    /** @param expiresIn seconds from now */
    record DinerToken(String accessToken, long expiresIn) {
    }
}
