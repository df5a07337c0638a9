package io.urop.qr.token;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;

import io.urop.qr.QrServiceTest;
import io.urop.security.KeyEncryption;
import io.urop.contracts.Role;
import io.urop.test.Databases;
import io.urop.tenancy.TenantContext;
import io.urop.test.TopicReader;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QrCodesTest extends QrServiceTest {

    @Autowired
    QrCodes codes;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Value("${urop.qr.keys.encryption-key}")
    String keyEncryptionKey;

    @Autowired
    TransactionTemplate transactions;

    final JdbcTemplate superuser = Databases.asSuperuser("qr");

    /** As a scan judges a code: in a transaction bound to the tenant the code names. */
    private CodeVerdict judge(String text) {
        QrToken.Presented code = QrToken.read(text).orElseThrow();
        return TenantContext.callAs(code.claims().tenantId(), () -> transactions.execute(status -> codes.judge(code)));
    }

    @Test
    void aTablesCodeIsGenuineUntilItIsRotatedAndThenOnlyTheNewOneIs() {
        UUID table = createTable(owner, location, "4");
        String printed = token(get(owner, "/api/v1/tables/{t}/qr-code", table).expectStatus().isOk()
                .expectHeader().valueEquals("Cache-Control", "no-store")
                .expectBody().jsonPath("$.scanUrl").value(url -> assertThat((String) url).startsWith("http://localhost:8080/q/v1."))
                .returnResult().getResponseBody());
        assertThat(judge(printed)).isInstanceOf(CodeVerdict.Genuine.class);

        String rotated = token(post(owner, "/api/v1/tables/" + table + "/qr-rotation", null).expectStatus().isOk()
                .expectBody().jsonPath("$.qrVersion").isEqualTo(2).returnResult().getResponseBody());

        assertThat(judge(printed)).isInstanceOf(CodeVerdict.Revoked.class);
        assertThat(judge(rotated)).isInstanceOf(CodeVerdict.Genuine.class);
        assertThat(TopicReader.await(bootstrap, "table.events", r -> r.key().equals(table.toString())
                && r.value().contains("\"table.qr-rotated\""), 1, Duration.ofSeconds(20))).hasSize(1);
    }

    @Test
    void aNewTenantKeySignsNewCodesWhileThePrintedOnesKeepWorking() {
        UUID table = createTable(owner, location, "1");
        String printed = token(get(owner, "/api/v1/tables/{t}/qr-code", table).expectBody().returnResult().getResponseBody());

        post(owner, "/api/v1/tables/qr-keys", null).expectStatus().isCreated().expectBody().jsonPath("$.version").isEqualTo(2);
        UUID later = createTable(owner, location, "2");
        String laterCode = token(get(owner, "/api/v1/tables/{t}/qr-code", later).expectBody().returnResult().getResponseBody());

        assertThat(judge(printed)).isInstanceOf(CodeVerdict.Genuine.class);
        assertThat(judge(laterCode)).isInstanceOf(CodeVerdict.Genuine.class);
        assertThat(superuser.queryForObject("select qr_key_version from dining_tables where id = ?", Integer.class, later))
                .isEqualTo(2);
        post(staff(tenant, Role.MANAGER, location), "/api/v1/tables/qr-keys", null).expectStatus().isForbidden();
    }

    @Test
    void theKeysAreStoredEncryptedUnderTheKeyEncryptionKeyOnly() {
        UUID table = createTable(owner, location, "1");
        get(owner, "/api/v1/tables/{t}/qr-code", table).expectStatus().isOk();

        byte[] sealed = superuser.queryForObject("select sealed_key from qr_keys where tenant_id = ?", byte[].class, tenant);
        assertThat(sealed).hasSize(12 + 32 + 16);
        byte[] kek = Base64.getDecoder().decode(keyEncryptionKey);
        KeyEncryption encryption = new KeyEncryption(kek);
        byte[] associated = ByteBuffer.allocate(20).putLong(tenant.getMostSignificantBits())
                .putLong(tenant.getLeastSignificantBits()).putInt(1).array();
        byte[] key = encryption.decrypt(sealed, associated);
        String code = new QrToken(tenant, table, 1).sign(key);
        assertThat(judge(code)).isInstanceOf(CodeVerdict.Genuine.class);
        assertThatThrownBy(() -> new KeyEncryption(new byte[32]).decrypt(sealed, associated))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aDeactivatedTablesCodeIsGenuineButSaysTheTableIsInactive() {
        UUID table = createTable(owner, location, "1");
        String code = token(get(owner, "/api/v1/tables/{t}/qr-code", table).expectBody().returnResult().getResponseBody());
        post(owner, "/api/v1/tables/" + table + "/deactivation", null).expectStatus().isOk();

        assertThat(judge(code)).isInstanceOfSatisfying(CodeVerdict.Genuine.class,
                genuine -> assertThat(genuine.table().active()).isFalse());
    }

    @Test
    void onlyOwnersAndTheLocationsManagersGetOrRotateCodes() {
        UUID table = createTable(owner, location, "1");
        String waiter = staff(tenant, Role.STAFF, location);

        get(waiter, "/api/v1/tables/{t}/qr-code", table).expectStatus().isForbidden();
        post(waiter, "/api/v1/tables/" + table + "/qr-rotation", null).expectStatus().isForbidden();
        get(staff(tenant, Role.MANAGER, location), "/api/v1/tables/{t}/qr-code", table).expectStatus().isOk();
        assertThat(superuser.queryForObject("select qr_version from dining_tables where id = ?", Integer.class, table))
                .isEqualTo(1);
    }

    private static String token(byte[] body) {
        return JsonPath.read(new String(body), "$.token");
    }
}
