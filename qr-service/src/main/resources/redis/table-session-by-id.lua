-- (after table-session-read) Session ARGV[2], or nothing (also once it was merged into another).
return read(ARGV[1], ARGV[2])
