-- A function: reads session sid as names and values, {'session', sid, 'tables', ..., 'openedAt', ..., 'approval', ...,
-- 'approvedBy', ..., 'approvedAt', ..., 'merged', ..., 'guests', <count>, 'endsAt', ...}, or nothing. tables and merged
-- are ids joined by ','; approvedBy, approvedAt and merged are empty when there are none; endsAt is epoch
-- milliseconds, empty for a session opened before sessions had a maximum life.
local function read(prefix, sid)
  if not sid then return {} end
  local session = prefix .. 'session:' .. sid
  local fields = redis.call('HMGET', session, 'tables', 'openedAt', 'approval', 'approvedBy', 'approvedAt',
                            'merged', 'endsAt')
  if not fields[1] then return {} end
  return {'session', sid, 'tables', fields[1], 'openedAt', fields[2], 'approval', fields[3],
          'approvedBy', fields[4] or '', 'approvedAt', fields[5] or '', 'merged', fields[6] or '',
          'guests', redis.call('HLEN', session .. ':guests'), 'endsAt', fields[7] or ''}
end
