package io.urop.auth.diner;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/**
 * A diner at a table: qr-service asks for their token after a scan opened or joined the table's session.
 *
 * @param tableSessionId the table's session, the token's {@code sid}: the deny-list the gateway checks revokes by it
 * @param guestId        this phone's guest in that session
 */
public record DinerTokenRequest(@NotNull UUID tenantId, @NotNull UUID locationId, @NotNull UUID tableId,
        @NotNull UUID tableSessionId, @NotNull UUID guestId) {
}
