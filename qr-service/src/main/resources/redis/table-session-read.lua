-- A function: reads session sid as
-- {sid, tables, openedAt, approval, approvedBy, approvedAt, merged, guests, endsAt}, or nothing. endsAt is epoch
-- milliseconds, empty for a session opened before sessions had a maximum life.
local function read(prefix, sid)
  if not sid then return {} end
  local session = prefix .. 'session:' .. sid
  local fields = redis.call('HMGET', session, 'tables', 'openedAt', 'approval', 'approvedBy', 'approvedAt',
                            'merged', 'endsAt')
  if not fields[1] then return {} end
  return {sid, fields[1], fields[2], fields[3], fields[4] or '', fields[5] or '', fields[6] or '',
          redis.call('HLEN', session .. ':guests'), fields[7] or ''}
end
