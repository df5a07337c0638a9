-- Approves session ARGV[2] if it waits for approval: 1, 0 if it does not (any more), -1 if it is gone.
local session = ARGV[1] .. 'session:' .. ARGV[2]
local approval = redis.call('HGET', session, 'approval')
if not approval then return -1 end
if approval ~= 'REQUIRED' then return 0 end
redis.call('HSET', session, 'approval', 'APPROVED', 'approvedBy', ARGV[3], 'approvedAt', ARGV[4])
return 1
