-- (after table-session-touch) A phone scanned table KEYS[1]'s code: it joins the table's session, opening one
-- (ARGV[2], ending at epoch milliseconds ARGV[11]) if the table has none and ARGV[8] is '1'. If the session knows the
-- phone's device key ARGV[9] (empty: none), the phone is the guest it already is; otherwise it becomes guest ARGV[3],
-- known from now on by the new device key ARGV[13], unless the session has ARGV[12] guests for each of its tables
-- already. A join counts the scan in the tenant's scan counts KEYS[2].
-- Answers names and values: {'outcome', 'joined', 'session', ..., 'guest', ..., 'opened', '1' if it opened the session,
-- 'knownPhone', '1' if it knew the phone}; {'outcome', 'full', 'session', ...}; {'outcome', 'over', 'session', ...}
-- when the session has reached its end (epoch milliseconds ARGV[10] now) and must be closed first; or nothing when
-- there is no session and none may open.
local prefix, table_id, now, ttl, device = ARGV[1], ARGV[4], ARGV[5], ARGV[6], ARGV[9]
local sid = redis.call('GET', KEYS[1])
if sid then
  local fields = redis.call('HMGET', prefix .. 'session:' .. sid, 'tables', 'endsAt')
  if not fields[1] then
    sid = false
  elseif fields[2] and tonumber(fields[2]) <= tonumber(ARGV[10]) then
    return {'outcome', 'over', 'session', sid}
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
local guest = device ~= '' and redis.call('HGET', session .. ':devices', device)
local known = '1'
if not guest then
  known = '0'
  local tables = 0
  for _ in string.gmatch(redis.call('HGET', session, 'tables'), '[^,]+') do tables = tables + 1 end
  if redis.call('HLEN', session .. ':guests') >= tables * tonumber(ARGV[12]) then return {'outcome', 'full', 'session', sid} end
  guest = ARGV[3]
  redis.call('HSET', session .. ':devices', ARGV[13], guest)
end
redis.call('HSET', session .. ':guests', guest, table_id)
touch(prefix, session, ttl)
redis.call('HINCRBY', KEYS[2], table_id, 1)
return {'outcome', 'joined', 'session', sid, 'guest', guest, 'opened', opened, 'knownPhone', known}
