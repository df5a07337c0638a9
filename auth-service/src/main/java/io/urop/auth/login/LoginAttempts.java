package io.urop.auth.login;

import java.util.List;

import io.urop.auth.ClientInfo;
import io.urop.auth.OpaqueTokens;
import io.urop.auth.RedisKeys;
import io.urop.auth.RedisScripts;
import io.urop.auth.account.Accounts;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Password attempts per email and client ({@link ClientNetwork}), counted whether or not the email belongs to an
 * account, so a lock-out looks the same for every email and reveals nothing. A client that failed
 * {@code maxFailures} times is locked out of that email only: nobody can lock a person out from the places they
 * sign in from by failing elsewhere. Against guesses spread over many clients, the email's attempts from clients
 * it has not signed in from lately meet a looser ceiling together, which spares the clients it has. Each attempt
 * is counted before the password is compared, so guesses sent in parallel cannot all slip in before the count
 * catches up; a success ends the client's count. Keys hold SHA-256 hashes, never an email or an address.
 */
@Component
@EnableConfigurationProperties(LoginProperties.class)
public class LoginAttempts {

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> ATTEMPT = RedisScripts.read("login-attempt", List.class);
    private static final RedisScript<Long> SUCCESS = RedisScripts.read("login-success", Long.class);

    private final StringRedisTemplate redis;
    private final LoginProperties properties;

    LoginAttempts(StringRedisTemplate redis, LoginProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    /** Counts an attempt on the email from the client, before its password is compared. */
    public Attempt begin(String email, ClientInfo client) {
        String clientKey = clientKey(client);
        List<?> reply = redis.execute(ATTEMPT, keys(email, clientKey),
                String.valueOf(properties.lockFor().toMillis()), clientKey);
        if (reply == null) {
            return new Attempt(true, false);
        }
        AttemptCounts counts = AttemptCounts.of(reply);
        return new Attempt(counts.fromClient() > properties.maxFailures()
                || counts.fromNewClients() > properties.maxFailuresFromNewClients(),
                counts.fromClient() == properties.maxFailures()
                        || counts.fromNewClients() == properties.maxFailuresFromNewClients());
    }

    /** The attempt {@link #begin begun} succeeded: the client's count ends, and the email knows the client. */
    public void succeeded(String email, ClientInfo client) {
        proven(email, client, true);
    }

    /** The email's password was reset from the client (with no attempt counted): as after a success there. */
    public void passwordReset(String email, ClientInfo client) {
        proven(email, client, false);
    }

    private void proven(String email, ClientInfo client, boolean counted) {
        String clientKey = clientKey(client);
        redis.execute(SUCCESS, keys(email, clientKey), clientKey,
                String.valueOf(properties.rememberClientsFor().toMillis()), counted ? "1" : "0");
    }

    private static String clientKey(ClientInfo client) {
        return OpaqueTokens.hash(ClientNetwork.of(client.ip()));
    }

    private static List<String> keys(String email, String clientKey) {
        return RedisKeys.loginAttempts(Accounts.normalise(email), clientKey);
    }

    /**
     * What {@code redis/login-attempt.lua} answers: the email's attempts from this client, and from clients it has not
     * signed in from (0 when this one is a known one), this one included.
     */
    private record AttemptCounts(long fromClient, long fromNewClients) {

        static AttemptCounts of(List<?> reply) {
            return new AttemptCounts((Long) reply.get(0), (Long) reply.get(1));
        }
    }

    /**
     * @param locked      the client, or new clients together, had already failed as often as allowed in the window:
     *                    refuse, whatever the password, without comparing it
     * @param lastAllowed this is the last attempt allowed: if it fails, the lock starts now
     */
    public record Attempt(boolean locked, boolean lastAllowed) {
    }
}
