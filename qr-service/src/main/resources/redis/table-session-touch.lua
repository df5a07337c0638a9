-- A function the other table-session scripts start with: renews every key of a session (the session's hash, its
-- guests and their phones, its tables' keys, and the sessions merged into it) for another ttl seconds.
local function touch(prefix, session, ttl)
  redis.call('EXPIRE', session, ttl)
  redis.call('EXPIRE', session .. ':guests', ttl)
  redis.call('EXPIRE', session .. ':devices', ttl)
  local fields = redis.call('HMGET', session, 'tables', 'merged')
  for t in string.gmatch(fields[1] or '', '[^,]+') do
    redis.call('EXPIRE', prefix .. 'table:' .. t .. ':session', ttl)
  end
  for m in string.gmatch(fields[2] or '', '[^,]+') do
    redis.call('EXPIRE', prefix .. 'session:' .. m, ttl)
  end
end
