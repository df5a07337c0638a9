package io.urop.notification.push;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Carries the trace an event was handled in from its pushes' stream entries to the sockets they reach, on whichever
 * instance holds them: the diner's order, the events it caused and the frames a kitchen display received are one trace.
 */
@Component
public class PushTraces {

    private static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;

    PushTraces(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.tracer = tracer.getIfAvailable(() -> Tracer.NOOP);
        this.propagator = propagator.getIfAvailable(() -> Propagator.NOOP);
    }

    /** The W3C traceparent of the span handling an event now, or empty outside a trace. */
    String current() {
        Span span = tracer.currentSpan();
        if (span == null) {
            return "";
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        return carrier.getOrDefault(TRACEPARENT, "");
    }

    /** Delivers one push inside a span of the trace its entry carries (without one when it carries none). */
    public void deliver(PushLog.Read push, int sockets, Runnable delivery) {
        if (push.trace().isEmpty()) {
            delivery.run();
            return;
        }
        Span span = propagator.extract(Map.of(TRACEPARENT, push.trace()), Map::get).name("push " + push.type())
                .kind(Span.Kind.PRODUCER).tag("urop.push.sockets", sockets).start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            delivery.run();
        }
        finally {
            span.end();
        }
    }
}
