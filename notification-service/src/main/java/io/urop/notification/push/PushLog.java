package io.urop.notification.push;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.urop.events.EventEnvelope;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The pushes of every stream, kept in Redis, one Redis Stream per {@link PushStream} and tenant: appended once per
 * event, each given its sequence number by Redis as it is appended (so a stream's order is the order its events were
 * handled, after they were committed), and read by every instance for the sockets it holds and by a client catching up.
 * A stream keeps about {@link PushProperties#streamLength()} pushes and is dropped once idle for
 * {@link PushProperties#streamIdle()}.
 */
@Component
@EnableConfigurationProperties(PushProperties.class)
public class PushLog {

    /** How long an event is remembered as pushed: longer than Kafka redelivers it. */
    private static final Duration EVENT_MEMORY = Duration.ofDays(2);

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> APPEND = RedisScript.of(
            RedisScript.of(new ClassPathResource("redis/append-push.lua")).getScriptAsString(), List.class);

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final PushProperties properties;
    private final PushTraces traces;

    PushLog(StringRedisTemplate redis, JsonMapper json, PushProperties properties, PushTraces traces) {
        this.redis = redis;
        this.json = json;
        this.properties = properties;
        this.traces = traces;
    }

    /** Appends an event's pushes to their streams, once however often the event is handled. */
    void append(EventEnvelope event, List<Push> pushes) {
        if (pushes.isEmpty()) {
            return;
        }
        List<String> keys = new ArrayList<>();
        keys.add("urop:push:event:" + event.eventId());
        List<Object> args = new ArrayList<>(List.of(Long.toString(EVENT_MEMORY.toSeconds()),
                Integer.toString(properties.streamLength()), Long.toString(properties.streamIdle().toSeconds()),
                event.type(), traces.current()));
        for (Push push : pushes) {
            keys.add(push.stream().key(event.tenantId()));
            args.add(json.writeValueAsString(push.data()));
        }
        redis.execute(APPEND, keys, args.toArray());
    }

    /** At most {@code count} pushes of the stream after sequence number {@code after}, oldest first. */
    public List<PushFrame> after(UUID tenantId, PushStream stream, String after, int count) {
        List<MapRecord<String, Object, Object>> records = redis.opsForStream().range(stream.key(tenantId),
                Range.closed(StreamSeqs.next(after), "+"), Limit.limit().count(count));
        return records == null ? List.of() : records.stream().map(record -> frame(stream, read(record))).toList();
    }

    /** The sequence number of the stream's last push, {@code 0-0} if it has none. */
    public String last(UUID tenantId, PushStream stream) {
        List<MapRecord<String, Object, Object>> last = redis.opsForStream().reverseRange(stream.key(tenantId),
                Range.unbounded(), Limit.limit().count(1));
        return last == null || last.isEmpty() ? StreamSeqs.ZERO : last.get(0).getId().getValue();
    }

    /** The sequence number of the oldest push the stream still keeps. */
    public Optional<String> first(UUID tenantId, PushStream stream) {
        List<MapRecord<String, Object, Object>> first = redis.opsForStream().range(stream.key(tenantId),
                Range.unbounded(), Limit.limit().count(1));
        return first == null || first.isEmpty() ? Optional.empty() : Optional.of(first.get(0).getId().getValue());
    }

    /**
     * What was pushed to these streams (by key) since the sequence numbers given, waiting up to {@code block} for
     * something to come.
     */
    public List<Read> read(Map<String, String> positions, Duration block) {
        StreamOffset<String>[] offsets = positions.entrySet().stream()
                .map(position -> StreamOffset.create(position.getKey(), ReadOffset.from(position.getValue())))
                .toArray(StreamOffset[]::new);
        List<MapRecord<String, Object, Object>> records = redis.opsForStream()
                .read(StreamReadOptions.empty().count(500).block(block), offsets);
        if (records == null) {
            return List.of();
        }
        return records.stream().map(PushLog::read).toList();
    }

    public PushFrame frame(PushStream stream, Read read) {
        return new PushFrame(stream.name(), read.seq(), read.type(), json.readTree(read.data()));
    }

    private static Read read(MapRecord<String, Object, Object> record) {
        Object trace = record.getValue().get("trace");
        return new Read(record.getStream(), record.getId().getValue(), String.valueOf(record.getValue().get("type")),
                String.valueOf(record.getValue().get("data")), trace == null ? "" : trace.toString());
    }

    /** One push as read from its stream's key, with the trace its event was handled in (empty: none). */
    public record Read(String key, String seq, String type, String data, String trace) {
    }
}
