-- (after table-session-touch) Merges session ARGV[3] (of table KEYS[2]) into session ARGV[2] (of table KEYS[1]), if
-- both tables still hold them: its tables, guests and their phones become the other's, and its own hash names where
-- it went. The merged session ends when the one it went into does. 1, or -1 if either changed meanwhile.
local prefix, into, from, ttl = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
if redis.call('GET', KEYS[1]) ~= into or redis.call('GET', KEYS[2]) ~= from then return -1 end
local target, source = prefix .. 'session:' .. into, prefix .. 'session:' .. from
local t = redis.call('HMGET', target, 'tables', 'merged', 'approval')
local s = redis.call('HMGET', source, 'tables', 'merged', 'approval', 'approvedBy', 'approvedAt')
if not t[1] or not s[1] then return -1 end
for table_id in string.gmatch(s[1], '[^,]+') do
  redis.call('SET', prefix .. 'table:' .. table_id .. ':session', into)
end
local merged = from
if t[2] and t[2] ~= '' then merged = t[2] .. ',' .. merged end
if s[2] and s[2] ~= '' then merged = merged .. ',' .. s[2] end
redis.call('HSET', target, 'tables', t[1] .. ',' .. s[1], 'merged', merged)
if s[3] == 'APPROVED' and t[3] == 'REQUIRED' then
  redis.call('HSET', target, 'approval', 'APPROVED', 'approvedBy', s[4], 'approvedAt', s[5])
end
local guests = redis.call('HGETALL', source .. ':guests')
for i = 1, #guests, 2 do redis.call('HSET', target .. ':guests', guests[i], guests[i + 1]) end
local devices = redis.call('HGETALL', source .. ':devices')
for i = 1, #devices, 2 do redis.call('HSET', target .. ':devices', devices[i], devices[i + 1]) end
redis.call('DEL', source, source .. ':guests', source .. ':devices')
redis.call('HSET', source, 'mergedInto', into)
for m in string.gmatch(s[2] or '', '[^,]+') do redis.call('HSET', prefix .. 'session:' .. m, 'mergedInto', into) end
touch(prefix, target, ttl)
return 1
