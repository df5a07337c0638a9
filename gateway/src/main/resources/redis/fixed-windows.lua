-- Counts one request in each of KEYS' fixed windows, atomically: ARGV[i] is the length of KEYS[i]'s window in
-- milliseconds, and a window starts (its TTL is set) with its first request.
-- Returns, for each key in turn, its count in the current window and the milliseconds left of it.
local reply = {}
for i, key in ipairs(KEYS) do
  local count = redis.call('INCR', key)
  local ttl = redis.call('PTTL', key)
  if ttl < 0 then
    redis.call('PEXPIRE', key, ARGV[i])
    ttl = tonumber(ARGV[i])
  end
  reply[#reply + 1] = count
  reply[#reply + 1] = ttl
end
return reply
