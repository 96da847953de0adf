package io.safaridesk.platform.observability;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Carries a trace over a hop that goes through a table (the event outbox, the mail outbox): the writer stores the
 * current span's propagation fields (W3C {@code traceparent}) as JSON beside the row, and whoever takes the row up
 * later continues the same trace from them. With tracing off ({@link #NONE}) nothing is stored and spans are no-ops.
 */
public final class TraceCarrier {

    /** Tracing off: stores nothing, continues nothing. */
    public static final TraceCarrier NONE = new TraceCarrier(Tracer.NOOP, Propagator.NOOP);

    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {};

    private final Tracer tracer;
    private final Propagator propagator;

    public TraceCarrier(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The current span's propagation fields as JSON, or null when no span is current. */
    public String current() {
        Span span = tracer.currentSpan();
        if (span == null) {
            return null;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        propagator.inject(span.context(), fields, Map::put);
        return fields.isEmpty() ? null : JsonMapper.shared().writeValueAsString(fields);
    }

    /** The propagation fields stored as JSON by {@link #current()}; empty for null. */
    public static Map<String, String> fields(String stored) {
        return stored == null ? Map.of() : JsonMapper.shared().readValue(stored, FIELDS);
    }

    /**
     * Starts a span of this name and kind that continues the trace stored by {@link #current()} (a new trace when
     * nothing was stored). End it; put it in scope with {@link #inScope}.
     */
    public Span continueFrom(String stored, String name, Span.Kind kind) {
        Map<String, String> fields = fields(stored);
        Span.Builder builder = fields.isEmpty() ? tracer.spanBuilder() : propagator.extract(fields, Map::get);
        return builder.name(name).kind(kind).start();
    }

    /** Makes {@code span} the current one until the scope is closed. */
    public Tracer.SpanInScope inScope(Span span) {
        return tracer.withSpan(span);
    }

    /**
     * The propagation fields to put on an outgoing message for the current span; when tracing is off, the stored
     * ones, so that the trace still crosses the hop.
     */
    public Map<String, String> outgoing(String stored) {
        String current = current();
        return fields(current != null ? current : stored);
    }
}
