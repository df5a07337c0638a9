-- Adds ARGV[1] requests, counted by one gateway instance since it last reported, to KEYS[1]'s fixed window; a window
-- starts (its TTL, ARGV[2] milliseconds, is set) with the first requests added to it.
-- Returns the window's count, every instance's requests together, and the milliseconds left of it.
local count = redis.call('INCRBY', KEYS[1], ARGV[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  ttl = tonumber(ARGV[2])
end
return {count, ttl}
