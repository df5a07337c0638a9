-- Ends session ARGV[2] if it still holds tables ARGV[3] and merged sessions ARGV[4] (what the caller announced):
-- 1, or 0 if it is gone, -1 if it changed meanwhile.
local prefix, sid = ARGV[1], ARGV[2]
local session = prefix .. 'session:' .. sid
local fields = redis.call('HMGET', session, 'tables', 'merged')
if not fields[1] then return 0 end
if fields[1] ~= ARGV[3] or (fields[2] or '') ~= ARGV[4] then return -1 end
for t in string.gmatch(fields[1], '[^,]+') do
  local pointer = prefix .. 'table:' .. t .. ':session'
  if redis.call('GET', pointer) == sid then redis.call('DEL', pointer) end
end
for m in string.gmatch(fields[2] or '', '[^,]+') do redis.call('DEL', prefix .. 'session:' .. m) end
redis.call('DEL', session, session .. ':guests', session .. ':devices')
return 1
