package io.urop.messaging;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.urop.events.EventCodec;
import io.urop.events.tenant.TenantCreated;
import io.urop.messaging.outbox.Outbox;
import io.urop.messaging.outbox.OutboxRelay;
import io.urop.test.InfrastructureInitializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A listener's work joins the trace its event was written in, across Kafka, as the fleet configures it. Its context is
 * closed afterwards: its listeners, in the test application's consumer group, would otherwise share the other tests'
 * events.
 */
@SpringBootTest(properties = "spring.kafka.listener.observation-enabled=true")
@ContextConfiguration(initializers = InfrastructureInitializer.class)
@DirtiesContext
class TraceContinuationTest {

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxRelay relay;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    Tracer tracer;

    @Autowired
    TracesSeen seen;

    @Test
    void theListenerOfAnEventRunsInTheTraceOfTheRequestThatWroteIt() {
        UUID tenant = UUID.randomUUID();
        Span request = tracer.nextSpan().name("a request").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
            transaction.executeWithoutResult(status -> outbox.add(new TenantCreated(tenant,
                    "t-" + tenant.toString().substring(0, 8), "Test", "EUR", "UTC"), tenant, tenant.toString()));
        }
        finally {
            request.end();
        }

        relay.relayPending();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(seen.byTenant()).containsKey(tenant));
        assertThat(seen.byTenant().get(tenant)).isEqualTo(request.context().traceId());
    }

    @TestConfiguration
    static class Listening {

        @Bean
        TracesSeen tracesSeen(Tracer tracer, EventCodec codec) {
            return new TracesSeen(tracer, codec);
        }
    }

    /** The trace each tenant's event was handled in. */
    static class TracesSeen {

        private final Tracer tracer;
        private final EventCodec codec;
        private final Map<UUID, String> byTenant = new ConcurrentHashMap<>();

        TracesSeen(Tracer tracer, EventCodec codec) {
            this.tracer = tracer;
            this.codec = codec;
        }

        @KafkaListener(topics = "tenant.events", groupId = "trace-continuation-test")
        void on(String message) {
            Span current = tracer.currentSpan();
            byTenant.put(codec.decode(message).tenantId(), current == null ? "none" : current.context().traceId());
        }

        Map<UUID, String> byTenant() {
            return byTenant;
        }
    }
}
