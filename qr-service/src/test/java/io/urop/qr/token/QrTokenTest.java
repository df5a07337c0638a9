package io.urop.qr.token;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.urop.qr.table.Tables.CodeState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QrTokenTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    final UUID tenant = UUID.randomUUID();
    final UUID table = UUID.randomUUID();
    final UUID location = UUID.randomUUID();
    final byte[] key = key();
    final Map<Integer, byte[]> ring = Map.of(1, key);

    @Test
    void aSignedCodeReadsBackAsWhatItWasMadeFromAndIsGenuine() {
        String text = new QrToken(tenant, table, 3).sign(key);

        assertThat(text).startsWith("v1.").matches("[A-Za-z0-9._-]+").hasSizeLessThan(100);
        QrToken.Presented code = QrToken.read(text).orElseThrow();
        assertThat(code.claims()).isEqualTo(new QrToken(tenant, table, 3));
        assertThat(judge(code, state(3, 1))).isEqualTo(new CodeVerdict.Genuine(tenant, state(3, 1)));
    }

    @Test
    void everyCodeWithOneCharacterChangedIsRefused() {
        String text = new QrToken(tenant, table, 1).sign(key);
        for (int i = 0; i < text.length(); i++) {
            char original = text.charAt(i);
            char flipped = original == 'A' ? 'B' : original == '.' ? '-' : 'A';
            String forged = text.substring(0, i) + flipped + text.substring(i + 1);
            Optional<QrToken.Presented> code = QrToken.read(forged);
            assertThat(code.map(c -> judge(c, state(1, 1))).orElse(new CodeVerdict.Forged()))
                    .as("character %d flipped: %s", i, forged).isInstanceOf(CodeVerdict.Forged.class);
        }
    }

    @Test
    void aCodeSignedWithAnotherTenantsKeyIsForged() {
        String text = new QrToken(tenant, table, 1).sign(key());

        assertThat(judge(QrToken.read(text).orElseThrow(), state(1, 1))).isInstanceOf(CodeVerdict.Forged.class);
    }

    @Test
    void aCodeOfAnEarlierVersionIsRevokedAndOneOfALaterVersionIsForged() {
        String old = new QrToken(tenant, table, 1).sign(key);
        String ahead = new QrToken(tenant, table, 3).sign(key);

        assertThat(judge(QrToken.read(old).orElseThrow(), state(2, 1))).isInstanceOf(CodeVerdict.Revoked.class);
        assertThat(judge(QrToken.read(ahead).orElseThrow(), state(2, 1))).isInstanceOf(CodeVerdict.Forged.class);
    }

    @Test
    void aRevokedCodeWhoseSignatureIsWrongIsForgedNotRevoked() {
        String forged = new QrToken(tenant, table, 1).sign(key());

        assertThat(judge(QrToken.read(forged).orElseThrow(), state(2, 1))).isInstanceOf(CodeVerdict.Forged.class);
    }

    @Test
    void aCodeNamingATableTheTenantDoesNotHaveIsForged() {
        String text = new QrToken(tenant, table, 1).sign(key);

        assertThat(CodeVerdict.judge(QrToken.read(text).orElseThrow(), Optional.empty(),
                version -> Optional.ofNullable(ring.get(version)), () -> List.of(1))).isInstanceOf(CodeVerdict.Forged.class);
    }

    @Test
    void anythingNotShapedLikeACodeIsNotReadAtAll() {
        String text = new QrToken(tenant, table, 1).sign(key);
        for (String garbage : new String[] {"", "v1", "v2" + text.substring(2), text + ".", text + "A", text.replace(".1.", ".01."),
                text.replace(".1.", ".0."), "v1.....", "x".repeat(10_000), text.replace('.', '~')}) {
            assertThat(QrToken.read(garbage)).as(garbage).isEmpty();
        }
        assertThat(QrToken.read(null)).isEmpty();
        // the same signature bytes spelled with a spare bit set in the last character
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char last = text.charAt(text.length() - 1);
        String respelled = text.substring(0, text.length() - 1) + alphabet.charAt(alphabet.indexOf(last) + 1);
        assertThat(QrToken.read(respelled)).isEmpty();
    }

    private CodeVerdict judge(QrToken.Presented code, CodeState state) {
        return CodeVerdict.judge(code, Optional.of(state), version -> Optional.ofNullable(ring.get(version)),
                () -> List.copyOf(ring.keySet()));
    }

    private CodeState state(int qrVersion, int keyVersion) {
        return new CodeState(table, location, true, qrVersion, keyVersion);
    }

    private static byte[] key() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }
}
