package io.urop.qr.scan;

import java.net.URI;
import java.util.UUID;

import io.urop.qr.location.KnownLocations;
import io.urop.qr.token.CodeVerdict;
import io.urop.qr.token.QrCodes;
import io.urop.tenancy.TenantContext;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A phone scanned a table's code: the code must be genuine and current, the table in service and its location open;
 * then the phone joins the table's session as a guest, with a DINER token from auth-service, and is sent to the
 * customer app.
 */
@Service
@EnableConfigurationProperties(ScanProperties.class)
class Scan {

    private final QrCodes codes;
    private final KnownLocations locations;
    private final TableSessions sessions;
    private final DinerTokens dinerTokens;
    private final ScanProperties properties;
    private final TransactionTemplate readOnly;

    Scan(QrCodes codes, KnownLocations locations, TableSessions sessions, DinerTokens dinerTokens,
            ScanProperties properties, TransactionTemplate transactions) {
        this.codes = codes;
        this.locations = locations;
        this.sessions = sessions;
        this.dinerTokens = dinerTokens;
        this.properties = properties;
        this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
        this.readOnly.setReadOnly(true);
    }

    Outcome scan(String token) {
        CodeVerdict verdict = codes.judge(token);
        if (verdict instanceof CodeVerdict.Revoked) {
            return Refusal.REVOKED;
        }
        if (!(verdict instanceof CodeVerdict.Genuine genuine)) {
            return Refusal.INVALID;
        }
        if (!genuine.table().active()) {
            return Refusal.TABLE_OUT_OF_SERVICE;
        }
        UUID tenant = genuine.tenantId();
        UUID location = genuine.table().locationId();
        boolean open = Boolean.TRUE.equals(TenantContext.callAs(tenant, () -> readOnly.execute(status ->
                locations.find(location).map(KnownLocations.KnownLocation::open).orElse(false))));
        if (!open) {
            return Refusal.LOCATION_CLOSED;
        }
        UUID table = genuine.table().tableId();
        TableSessions.Joined joined = sessions.join(tenant, table);
        DinerTokens.DinerToken diner = dinerTokens.issue(tenant, location, table, joined.sessionId(), joined.guestId());
        URI app = UriComponentsBuilder.fromUri(properties.dinerAppUrl())
                .queryParam("location", location).queryParam("table", table)
                .queryParam("session", joined.sessionId()).queryParam("guest", joined.guestId())
                .fragment("token=" + diner.accessToken() + "&expiresIn=" + diner.expiresInSeconds())
                .build().toUri();
        return new Admitted(app);
    }

    sealed interface Outcome permits Admitted, Refusal {
    }

    /** Sent on to the customer app, the diner's token in the URL's fragment. */
    record Admitted(URI app) implements Outcome {
    }

    /** Why a scan opens nothing: each a page the diner can read (and a problem for clients that ask for JSON). */
    enum Refusal implements Outcome {
        INVALID(404, "qr-code-invalid", "Unknown code",
                "This is not one of our table codes. Please ask a member of staff."),
        REVOKED(410, "qr-code-revoked", "Code replaced",
                "This table's code has been replaced. Please scan the code on your table or ask a member of staff."),
        TABLE_OUT_OF_SERVICE(410, "table-out-of-service", "Table not in service",
                "This table is not taking orders at the moment. Please ask a member of staff."),
        LOCATION_CLOSED(410, "location-closed", "Restaurant closed",
                "This restaurant is not taking orders through its table codes.");

        final int status;
        final URI type;
        final String title;
        final String detail;

        Refusal(int status, String type, String title, String detail) {
            this.status = status;
            this.type = URI.create("https://urop.io/problems/" + type);
            this.title = title;
            this.detail = detail;
        }
    }
}
