-- Counts one on an email's fixed-window counter; the first of a window starts the window.
-- KEYS[1]: the counter; ARGV[1]: the window, in milliseconds
-- Returns the count within the window, this one included.
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return count
