-- A function (after table-session-touch): the session sid names now, following one merge, and the table its guest
-- sits at; renews it. Nothing once it ended, reached its end (epoch milliseconds now_ms), or the guest is not in it.
local function seat(prefix, sid, guest, ttl, now_ms)
  local into = redis.call('HGET', prefix .. 'session:' .. sid, 'mergedInto')
  if into then sid = into end
  local session = prefix .. 'session:' .. sid
  local fields = redis.call('HMGET', session, 'tables', 'endsAt')
  if not fields[1] then return nil end
  if fields[2] and tonumber(fields[2]) <= tonumber(now_ms) then return nil end
  local table_id = redis.call('HGET', session .. ':guests', guest)
  if not table_id then return nil end
  touch(prefix, session, ttl)
  return sid, table_id
end
