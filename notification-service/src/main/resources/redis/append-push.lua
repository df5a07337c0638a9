-- Appends one event's pushes to their streams, once: KEYS[1] marks the event as pushed (for ARGV[1] seconds), each
-- further key is a stream, which keeps about ARGV[2] entries and is dropped ARGV[3] seconds after its last push. ARGV[4]
-- is the push's type, ARGV[5] the W3C traceparent of the trace it was handled in (empty: none); ARGV[6], ARGV[7]...
-- the data pushed to KEYS[2], KEYS[3]... Returns the new entries' ids (their sequence numbers), or nothing when the
-- event was pushed before.
if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then
    return {}
end
local ids = {}
for i = 2, #KEYS do
    ids[#ids + 1] = redis.call('XADD', KEYS[i], 'MAXLEN', '~', ARGV[2], '*', 'type', ARGV[4], 'trace', ARGV[5],
        'data', ARGV[i + 4])
    redis.call('EXPIRE', KEYS[i], ARGV[3])
end
return ids
