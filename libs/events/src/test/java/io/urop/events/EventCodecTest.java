package io.urop.events;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.urop.events.tenant.LocationChanged.MenuAccess;
import io.urop.events.tenant.LocationChanged.PaymentMode;
import io.urop.events.tenant.LocationChanged.Status;
import io.urop.events.tenant.LocationChanged;
import io.urop.events.tenant.TenantCreated;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private final EventCodec codec = new EventCodec(Clock.fixed(NOW, ZoneOffset.UTC));

    private final UUID tenant = UUID.randomUUID();

    private final TenantCreated created = new TenantCreated(tenant, "demo-bistro", "Demo Bistro", "EUR", "Europe/Paris");

    @Test
    void anEnvelopeSurvivesTheWire() {
        EventEnvelope sent = codec.envelope(created, tenant, tenant.toString(), "00-abc-def-01");

        EventEnvelope received = codec.decode(codec.encode(sent));

        assertThat(received).isEqualTo(sent);
        assertThat(received.type()).isEqualTo("tenant.created");
        assertThat(received.version()).isEqualTo(1);
        assertThat(received.occurredAt()).isEqualTo(NOW);
        assertThat(received.topic()).isEqualTo("tenant.events");
        assertThat(codec.payload(received, TenantCreated.class)).isEqualTo(created);
    }

    @Test
    void theWireNameIsTheTypeNotTheJavaClass() {
        String json = codec.encode(codec.envelope(created, tenant, tenant.toString(), null));

        assertThat(json).contains("\"type\":\"tenant.created\"").doesNotContain("TenantCreated").doesNotContain("io.urop");
    }

    @Test
    void aConsumerIgnoresFieldsItDoesNotKnow() {
        String json = codec.encode(codec.envelope(created, tenant, tenant.toString(), null))
                .replace("\"slug\":", "\"loyaltyTier\":\"gold\",\"slug\":")
                .replace("\"version\":1", "\"region\":\"eu\",\"version\":1");

        EventEnvelope received = codec.decode(json);

        assertThat(codec.payload(received, TenantCreated.class)).isEqualTo(created);
    }

    @Test
    void aLocationAnnouncedBeforeItsMenuAccessExistedServesAPublicMenu() {
        UUID location = UUID.randomUUID();
        LocationChanged guestsOnly = new LocationChanged(location, tenant, "Bistro", "EUR", "Europe/Paris", 2000, true,
                0, PaymentMode.EITHER, List.of(), MenuAccess.TABLE_GUESTS, false, Status.OPEN, 3);
        String json = codec.encode(codec.envelope(guestsOnly, tenant, location.toString(), null));
        assertThat(json).contains("\"menuAccess\":\"TABLE_GUESTS\"");

        String older = json.replace("\"menuAccess\":\"TABLE_GUESTS\",", "");

        assertThat(older).doesNotContain("menuAccess");
        assertThat(codec.payload(codec.decode(older), LocationChanged.class).menuAccess()).isEqualTo(MenuAccess.PUBLIC);
        assertThat(codec.payload(codec.decode(json), LocationChanged.class)).isEqualTo(guestsOnly);
    }

    @Test
    void aValueOfAClosedSetThatOnlyANewerProducerKnowsReadsAsUnknown() {
        UUID location = UUID.randomUUID();
        LocationChanged open = new LocationChanged(location, tenant, "Bistro", "EUR", "Europe/Paris", 2000, true, 0,
                PaymentMode.EITHER, List.of(), MenuAccess.PUBLIC, false, Status.OPEN, 3);
        String newer = codec.encode(codec.envelope(open, tenant, location.toString(), null))
                .replace("\"EITHER\"", "\"PAY_BY_SUBSCRIPTION\"").replace("\"PUBLIC\"", "\"FRIENDS_AND_FAMILY\"")
                .replace("\"OPEN\"", "\"SEASONAL_BREAK\"");

        LocationChanged read = codec.payload(codec.decode(newer), LocationChanged.class);

        assertThat(read.paymentMode()).isEqualTo(PaymentMode.UNKNOWN);
        assertThat(read.menuAccess()).isEqualTo(MenuAccess.UNKNOWN);
        assertThat(read.status()).isEqualTo(Status.UNKNOWN);
        assertThat(read.name()).isEqualTo("Bistro");
    }

    @Test
    void anEnvelopeOfAnotherTypeOrVersionIsNotReadAsTheContract() {
        EventEnvelope envelope = codec.envelope(created, tenant, tenant.toString(), null);
        EventEnvelope newer = new EventEnvelope(envelope.eventId(), envelope.type(), 2, envelope.occurredAt(),
                envelope.tenantId(), envelope.aggregateId(), null, envelope.payload());
        EventEnvelope other = new EventEnvelope(envelope.eventId(), "tenant.renamed", 1, envelope.occurredAt(),
                envelope.tenantId(), envelope.aggregateId(), null, envelope.payload());

        assertThatThrownBy(() -> codec.payload(newer, TenantCreated.class)).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> codec.payload(other, TenantCreated.class)).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void garbageIsMalformedNotACrash() {
        assertThatThrownBy(() -> codec.decode("{not json")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> codec.decode("{\"type\":\"tenant.created\"}")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> codec.decode("null")).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void aRecordWithoutContractCannotBeSent() {
        record NotAnEvent(String x) {
        }
        assertThatThrownBy(() -> codec.envelope(new NotAnEvent("x"), tenant, "1", null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
