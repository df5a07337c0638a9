-- (after table-session-touch) A phone scanned table KEYS[1]'s code: it joins the table's session as guest ARGV[3],
-- opening one (ARGV[2], ending at epoch milliseconds ARGV[11]) if the table has none and ARGV[8] is '1', and counts
-- the scan in the tenant's scan counts KEYS[2]. Answers {'joined', session, guest, '1' if it opened the session},
-- {'over', session} when the session has reached its end (epoch milliseconds ARGV[10] now) and must be closed first,
-- or nothing when there is no session and none may open.
local prefix, table_id, now, ttl = ARGV[1], ARGV[4], ARGV[5], ARGV[6]
local sid = redis.call('GET', KEYS[1])
if sid then
  local fields = redis.call('HMGET', prefix .. 'session:' .. sid, 'tables', 'endsAt')
  if not fields[1] then
    sid = false
  elseif fields[2] and tonumber(fields[2]) <= tonumber(ARGV[10]) then
    return {'over', sid}
  end
end
local opened = '0'
if not sid then
  if ARGV[8] ~= '1' then return {} end
  sid = ARGV[2]
  redis.call('HSET', prefix .. 'session:' .. sid, 'openedAt', now, 'tables', table_id, 'approval', ARGV[7],
             'endsAt', ARGV[11])
  redis.call('SET', KEYS[1], sid)
  opened = '1'
end
local session = prefix .. 'session:' .. sid
local guest = ARGV[3]
redis.call('HSET', session .. ':guests', guest, table_id)
touch(prefix, session, ttl)
redis.call('HINCRBY', KEYS[2], table_id, 1)
return {'joined', sid, guest, opened}
