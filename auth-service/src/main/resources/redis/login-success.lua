-- An email proved from a client (a sign-in, a password changed or reset): the client's count ends, and the client
-- is remembered, so that the ceiling on new clients spares it.
-- KEYS as in login-attempt.lua; ARGV[1]: this client; ARGV[2]: how long it is remembered, in milliseconds;
-- ARGV[3]: '1' if this success was counted as an attempt (login-attempt.lua)
redis.call('DEL', KEYS[1])
if redis.call('SADD', KEYS[3], ARGV[1]) == 1 and ARGV[3] == '1' then
    -- it was counted among the new clients' attempts, and was no failure
    if tonumber(redis.call('GET', KEYS[2]) or '0') > 0 then
        redis.call('DECR', KEYS[2])
    end
end
redis.call('PEXPIRE', KEYS[3], ARGV[2])
return 1
