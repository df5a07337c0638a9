-- (after table-session-touch, -seat and -read) Guest ARGV[3] of session ARGV[2], at epoch milliseconds ARGV[5]:
-- the session as table-session-read reads it and 'table', their table; or nothing.
local sid, table_id = seat(ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5])
if not sid then return {} end
local session = read(ARGV[1], sid)
session[#session + 1] = 'table'
session[#session + 1] = table_id
return session
