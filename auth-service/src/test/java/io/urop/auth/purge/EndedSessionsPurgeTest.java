package io.urop.auth.purge;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.urop.auth.AuthClient;
import io.urop.auth.AuthClient.Tokens;
import io.urop.events.Uuid7;
import io.urop.contracts.Role;
import io.urop.test.Databases;
import io.urop.test.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Sessions and resets that ended over a day ago are deleted across tenants; nothing still usable is. */
@ServiceIntegrationTest
class EndedSessionsPurgeTest {

    @Autowired
    RestTestClient http;

    @Autowired
    EndedSessionsPurge purge;

    @Value("${spring.datasource.url}")
    String url;

    @Value("${spring.datasource.username}")
    String applicationRole;

    @Value("${spring.datasource.password}")
    String password;

    final JdbcTemplate superuser = Databases.asSuperuser("auth");

    @Test
    void endedSessionsOfEveryTenantGoWithTheirRefreshTokensWhileLiveAndRecentlyEndedOnesStay() {
        AuthClient auth = new AuthClient(http);
        Tokens expiredLongAgo = signedIn(auth, Uuid7.next());
        Tokens revokedLongAgo = signedIn(auth, Uuid7.next());
        Tokens revokedAnHourAgo = signedIn(auth, Uuid7.next());
        Tokens live = signedIn(auth, Uuid7.next());
        superuser.update("update sessions set expires_at = now() - interval '2 days' where id = ?",
                expiredLongAgo.sessionId());
        superuser.update("update sessions set revoked_at = now() - interval '3 days' where id = ?",
                revokedLongAgo.sessionId());
        superuser.update("update sessions set revoked_at = now() - interval '1 hour' where id = ?",
                revokedAnHourAgo.sessionId());

        // what the purge's transaction sees is what ended over a day ago, of any tenant, and nothing else
        assertThat(visibleToThePurge(expiredLongAgo, revokedLongAgo, revokedAnHourAgo, live))
                .containsExactlyInAnyOrder(expiredLongAgo.sessionId(), revokedLongAgo.sessionId());

        purge.purge();

        assertThat(sessionExists(expiredLongAgo)).isFalse();
        assertThat(sessionExists(revokedLongAgo)).isFalse();
        assertThat(refreshTokens(expiredLongAgo) + refreshTokens(revokedLongAgo)).isZero();
        assertThat(sessionExists(revokedAnHourAgo)).isTrue();
        assertThat(sessionExists(live)).isTrue();
        assertThat(refreshTokens(live)).isPositive();
        // the live session goes on as before
        auth.refresh(live.refreshToken()).expectStatus().isOk();
        // a purged session's refresh token is refused like any unknown one
        auth.refresh(expiredLongAgo.refreshToken()).expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void passwordResetsExpiredOverADayAgoGo() {
        AuthClient auth = new AuthClient(http);
        UUID tenant = Uuid7.next();
        String email = AuthClient.uniqueEmail("reset");
        UUID account = auth.createAccount(tenant, email, Role.OWNER);
        UUID old = Uuid7.next();
        UUID recent = Uuid7.next();
        insertReset(old, tenant, account, "now() - interval '2 days'");
        insertReset(recent, tenant, account, "now() - interval '1 hour'");

        purge.purge();

        assertThat(superuser.queryForObject("select count(*) from password_resets where id = ?", Integer.class, old))
                .isZero();
        assertThat(superuser.queryForObject("select count(*) from password_resets where id = ?", Integer.class, recent))
                .isOne();
    }

    /** As the application role, in a transaction marked for the purge, with no tenant bound. */
    private List<UUID> visibleToThePurge(Tokens... sessions) {
        DriverManagerDataSource appRole = new DriverManagerDataSource(url, applicationRole, password);
        return new TransactionTemplate(new DataSourceTransactionManager(appRole)).execute(status -> {
            JdbcTemplate jdbc = new JdbcTemplate(appRole);
            jdbc.queryForObject("select set_config('app.purge', 'ended', true)", String.class);
            return jdbc.queryForList("select id from sessions where id = any(?)", UUID.class,
                    (Object) Arrays.stream(sessions).map(Tokens::sessionId).toArray(UUID[]::new));
        });
    }

    private Tokens signedIn(AuthClient auth, UUID tenant) {
        String email = AuthClient.uniqueEmail("purge");
        auth.createAccount(tenant, email, Role.STAFF);
        return auth.signIn(email);
    }

    private boolean sessionExists(Tokens tokens) {
        return superuser.queryForObject("select count(*) from sessions where id = ?", Integer.class,
                tokens.sessionId()) == 1;
    }

    private int refreshTokens(Tokens tokens) {
        return superuser.queryForObject("select count(*) from refresh_tokens where session_id = ?", Integer.class,
                tokens.sessionId());
    }

    private void insertReset(UUID id, UUID tenant, UUID account, String expiresAt) {
        superuser.update("insert into password_resets (id, token_hash, tenant_id, account_id, requested_at, expires_at) "
                + "values (?, ?, ?, ?, now() - interval '3 days', " + expiresAt + ")", id, "hash-" + id, tenant, account);
    }
}
