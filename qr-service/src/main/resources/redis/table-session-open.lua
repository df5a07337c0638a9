-- (after table-session-touch) Staff seat a party: opens session ARGV[2] at table KEYS[1], approved by ARGV[5] and
-- ending at epoch milliseconds ARGV[7], unless the table has a session: 1, or 0.
local prefix, sid, table_id, now, ttl = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[6]
local current = redis.call('GET', KEYS[1])
if current and redis.call('HEXISTS', prefix .. 'session:' .. current, 'tables') == 1 then return 0 end
local session = prefix .. 'session:' .. sid
redis.call('HSET', session, 'openedAt', now, 'tables', table_id, 'approval', 'APPROVED',
           'approvedBy', ARGV[5], 'approvedAt', now, 'endsAt', ARGV[7])
redis.call('SET', KEYS[1], sid)
touch(prefix, session, ttl)
return 1
