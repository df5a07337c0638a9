-- Lists a revoked session: its key, read directly by whoever cannot follow the stream, and an entry on the stream
-- saying until when it is listed. The stream keeps the entries that may still be in force: those younger than the
-- longest listing there is, whichever session they name.
-- KEYS[1]: the session's key; KEYS[2]: the stream (its fields named as libs/contracts' DenyList says)
-- ARGV[1]: the session id; ARGV[2]: the reason; ARGV[3]: how long it is listed, in milliseconds;
-- ARGV[4]: how long any listing lasts at most, in milliseconds
local listed_for = tonumber(ARGV[3])
local longest_listing = tonumber(ARGV[4])
redis.call('SET', KEYS[1], ARGV[2], 'PX', listed_for)
local now = redis.call('TIME')
local now_ms = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
redis.call('XADD', KEYS[2], 'MINID', '~', tostring(now_ms - longest_listing), '*',
           'sid', ARGV[1], 'until', tostring(now_ms + listed_for))
