-- Stores a location's rendered menu in one language, unless the location's menus changed since it was rendered.
-- KEYS[1]: the location's hash; ARGV[1]: the generation it was rendered under; ARGV[2]: the language's field;
-- ARGV[3]: the entry; ARGV[4]: the menu's languages, comma-separated; ARGV[5]: the hash's time to live (milliseconds).
-- Returns 1 if stored, 0 if the generation moved meanwhile.
if (redis.call('HGET', KEYS[1], 'generation') or '0') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], ARGV[2], ARGV[3], 'languages', ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return 1
