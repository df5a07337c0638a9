-- (after table-session-read) The session of table KEYS[1], or nothing.
return read(ARGV[1], redis.call('GET', KEYS[1]))
