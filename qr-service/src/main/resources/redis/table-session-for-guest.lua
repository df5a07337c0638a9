-- (after table-session-touch and -seat) Guest ARGV[3] of session ARGV[2], at epoch milliseconds ARGV[5]:
-- {'session', the session it names now, 'table', their table}, or nothing.
local sid, table_id = seat(ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5])
if not sid then return {} end
return {'session', sid, 'table', table_id}
