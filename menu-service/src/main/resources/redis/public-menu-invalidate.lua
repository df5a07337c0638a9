-- The location's menus changed: a new generation, so that no entry rendered before counts, nor can be stored, any more.
-- KEYS[1]: the location's hash; ARGV[1]: the hash's time to live, in milliseconds. Returns the new generation.
local generation = redis.call('HINCRBY', KEYS[1], 'generation', 1)
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return generation
