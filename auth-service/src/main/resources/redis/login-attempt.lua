-- One sign-in attempt on an email, counted before its password is compared.
-- KEYS[1]: the email's attempts from this client; KEYS[2]: its attempts from clients it has not signed in from;
-- KEYS[3]: the clients it has signed in from (a set)
-- ARGV[1]: the window, in milliseconds; ARGV[2]: this client
-- Returns {attempts from this client, attempts from new clients (0 when this client is a known one)}, this one included.
local from_client = redis.call('INCR', KEYS[1])
if from_client == 1 then
    redis.call('PEXPIRE', KEYS[1], ARGV[1])
end
local from_new_clients = 0
if redis.call('SISMEMBER', KEYS[3], ARGV[2]) == 0 then
    from_new_clients = redis.call('INCR', KEYS[2])
    if from_new_clients == 1 then
        redis.call('PEXPIRE', KEYS[2], ARGV[1])
    end
end
return { from_client, from_new_clients }
