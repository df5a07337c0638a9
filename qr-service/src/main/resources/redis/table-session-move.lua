-- Moves session ARGV[2] from table KEYS[1] to free table KEYS[2] (ARGV[3] to ARGV[4]), its guests there with it:
-- 1, or 0 if the first table no longer holds it, -1 if the other table has a session.
local prefix, sid, from, to = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
if redis.call('GET', KEYS[1]) ~= sid then return 0 end
if redis.call('EXISTS', KEYS[2]) == 1 then return -1 end
local session = prefix .. 'session:' .. sid
local tables = {}
for t in string.gmatch(redis.call('HGET', session, 'tables') or '', '[^,]+') do
  if t == from then tables[#tables + 1] = to else tables[#tables + 1] = t end
end
redis.call('HSET', session, 'tables', table.concat(tables, ','))
redis.call('RENAME', KEYS[1], KEYS[2])
local guests = redis.call('HGETALL', session .. ':guests')
for i = 1, #guests, 2 do
  if guests[i + 1] == from then redis.call('HSET', session .. ':guests', guests[i], to) end
end
return 1
