-- The location's menus changed: a new generation, so that no entry rendered before counts, nor can be stored, any more.
-- Every instance is told (the location's id on a channel), so that none serves the menus it holds in memory any more.
-- KEYS[1]: the location's hash; ARGV[1]: the hash's time to live, in milliseconds; ARGV[2]: the channel; ARGV[3]: the
-- location's id. Returns the new generation.
local generation = redis.call('HINCRBY', KEYS[1], 'generation', 1)
redis.call('PEXPIRE', KEYS[1], ARGV[1])
redis.call('PUBLISH', ARGV[2], ARGV[3])
return generation
