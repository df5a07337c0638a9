package io.urop.qr.scan;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.urop.qr.location.KnownLocations;
import io.urop.qr.token.CodeVerdict;
import io.urop.qr.token.QrCodes;
import io.urop.qr.token.QrToken;
import io.urop.tenancy.TenantContext;
import io.urop.web.Problems;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A phone scanned a table's code: the code must be genuine and current, the table in service and its location open;
 * then the phone joins the table's session as a guest (the guest it already is, if it scanned before; a new one only
 * while the session has room), with a DINER token from auth-service, and is sent to the customer app.
 */
@Service
@EnableConfigurationProperties(ScanProperties.class)
class Scan {

    private static final DateTimeFormatter NEXT_OPENING = DateTimeFormatter.ofPattern("EEEE 'at' HH:mm", Locale.ENGLISH);

    private final QrCodes codes;
    private final KnownLocations locations;
    private final TableSessions sessions;
    private final DinerTokens dinerTokens;
    private final OverdueSessions overdue;
    private final ScanProperties properties;
    private final TransactionTemplate readOnly;
    private final Clock clock;

    Scan(QrCodes codes, KnownLocations locations, TableSessions sessions, DinerTokens dinerTokens,
            OverdueSessions overdue, ScanProperties properties, TransactionTemplate transactions, Clock clock) {
        this.clock = clock;
        this.codes = codes;
        this.locations = locations;
        this.sessions = sessions;
        this.dinerTokens = dinerTokens;
        this.overdue = overdue;
        this.properties = properties;
        this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
        this.readOnly.setReadOnly(true);
    }

    /**
     * @param device the device the phone's cookie names, if any: a phone already seated in the table's session stays
     *               the guest it is
     */
    Outcome scan(String token, Optional<Device> device) {
        Optional<QrToken.Presented> code = QrToken.read(token);
        if (code.isEmpty()) {
            return Refusal.INVALID.refused();
        }
        UUID tenant = code.get().claims().tenantId();
        // the code and its location in one read-only transaction, bound to the tenant the code names
        Checked checked = TenantContext.callAs(tenant, () -> readOnly.execute(status -> check(code.get())));
        if (!(checked instanceof Checked.Servable servable)) {
            return (Refused) checked;
        }
        KnownLocations.KnownLocation known = servable.location();
        UUID location = known.id();
        UUID table = servable.code().table().tableId();
        Instant now = clock.instant();
        Device newDevice = Device.fresh();
        TableSessions.Join join = join(tenant, known, table, device.map(Device::key).orElse(""), newDevice.key(), now);
        if (join instanceof TableSessions.Full) {
            return Refusal.SESSION_FULL.refused();
        }
        if (!(join instanceof TableSessions.Joined joined)) {
            return new Refused(Refusal.NOT_SERVING_NOW, known.hours().nextOpening(now)
                    .map(opening -> "We are closed at the moment. We open again on "
                            + opening.format(NEXT_OPENING) + ".")
                    .orElse(Refusal.NOT_SERVING_NOW.detail));
        }
        UUID session = joined.sessionId();
        UUID guest = joined.guestId();
        DinerTokens.DinerToken diner = dinerTokens.issue(tenant, location, table, session, guest);
        URI app = UriComponentsBuilder.fromUri(properties.dinerAppUrl())
                .queryParam("location", location).queryParam("table", table)
                .queryParam("session", session).queryParam("guest", guest)
                .fragment("token=" + diner.accessToken() + "&expiresIn=" + diner.expiresIn())
                .build().toUri();
        return new Admitted(app, joined.knownPhone() ? device.orElseThrow() : newDevice);
    }

    /**
     * Joins the table's session; one that reached its maximum life is closed first, and the scan opens the next. After
     * hours a seated party's phones still join their session; only a new one waits for opening time.
     */
    private TableSessions.Join join(UUID tenant, KnownLocations.KnownLocation known, UUID table, String deviceKey,
            String newDeviceKey, Instant now) {
        TableSessions.Approval approval = known.firstOrderApproval() ? TableSessions.Approval.REQUIRED
                : TableSessions.Approval.NOT_REQUIRED;
        for (int attempt = 0; attempt < 3; attempt++) {
            TableSessions.Join join = sessions.join(tenant, table, known.hours().servesAt(now), approval, deviceKey,
                    newDeviceKey);
            if (!(join instanceof TableSessions.Over)) {
                return join;
            }
            overdue.endAt(tenant, known.id(), table);
        }
        // the old session kept changing under its closing: a scan a moment later finds it settled
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DinerTokens.TRY_AGAIN);
        problem.setType(Problems.SERVICE_UNAVAILABLE);
        problem.setTitle("Service unavailable");
        ErrorResponseException unsettled = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem,
                new IllegalStateException("Table " + table + "'s session is over but open"));
        unsettled.getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
        throw unsettled;
    }

    private Checked check(QrToken.Presented code) {
        CodeVerdict verdict = codes.judge(code);
        if (verdict instanceof CodeVerdict.Revoked) {
            return Refusal.REVOKED.refused();
        }
        if (!(verdict instanceof CodeVerdict.Genuine genuine)) {
            return Refusal.INVALID.refused();
        }
        if (!genuine.table().active()) {
            return Refusal.TABLE_OUT_OF_SERVICE.refused();
        }
        return locations.find(genuine.table().locationId()).filter(KnownLocations.KnownLocation::open)
                .<Checked>map(known -> new Checked.Servable(genuine, known))
                .orElseGet(Refusal.LOCATION_CLOSED::refused);
    }

    /** What the code and its location allow, before any session is touched. */
    private sealed interface Checked permits Checked.Servable, Refused {

        /** A genuine code of an active table at a location taking orders through its codes. */
        record Servable(CodeVerdict.Genuine code, KnownLocations.KnownLocation location) implements Checked {
        }
    }

    sealed interface Outcome permits Admitted, Refused {
    }

    /** Sent on to the customer app, the diner's token in the URL's fragment; the phone is known as {@code device}. */
    record Admitted(URI app, Device device) implements Outcome {
    }

    /** Refused, and what to tell the diner. */
    record Refused(Refusal reason, String detail) implements Outcome, Checked {
    }

    /** Why a scan opens nothing: each a page the diner can read (and a problem for clients that ask for JSON). */
    enum Refusal {
        INVALID(404, "qr-code-invalid", "Unknown code",
                "This is not one of our table codes. Please ask a member of staff."),
        REVOKED(410, "qr-code-revoked", "Code replaced",
                "This table's code has been replaced. Please scan the code on your table or ask a member of staff."),
        TABLE_OUT_OF_SERVICE(410, "table-out-of-service", "Table not in service",
                "This table is not taking orders at the moment. Please ask a member of staff."),
        LOCATION_CLOSED(410, "location-closed", "Restaurant closed",
                "This restaurant is not taking orders through its table codes."),
        NOT_SERVING_NOW(409, "location-not-serving-now", "Restaurant closed now",
                "We are closed at the moment. Please come back during our opening hours."),
        SESSION_FULL(409, "table-session-full", "Table full",
                "This table already has as many guests as it seats. Please ask a member of staff.");

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

        Refused refused() {
            return new Refused(this, detail);
        }
    }
}
