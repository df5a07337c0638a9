package io.urop.auth.diner;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/**
 * A diner at a table: qr-service asks for their token after a scan opened or joined the table's session.
 *
 * @param tableSessionId the table's session; revoking it (the bill is settled, staff closed it) ends every guest's token
 * @param guestId        this phone's guest in that session
 */
public record DinerTokenRequest(@NotNull UUID tenantId, @NotNull UUID locationId, @NotNull UUID tableId,
        @NotNull UUID tableSessionId, @NotNull UUID guestId) {
}
