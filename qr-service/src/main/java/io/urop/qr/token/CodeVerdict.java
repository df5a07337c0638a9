package io.urop.qr.token;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import io.urop.qr.table.Tables.CodeState;

/** What a presented code turned out to be. */
public sealed interface CodeVerdict {

    /** Signed by the tenant's key for the table's current version: the table may still be inactive. */
    record Genuine(UUID tenantId, CodeState table) implements CodeVerdict {
    }

    /** Genuine once, but the table's codes were rotated since: it was revoked. */
    record Revoked() implements CodeVerdict {
    }

    /** Not a code of this platform: malformed, forged, tampered with, or naming a table that does not exist. */
    record Forged() implements CodeVerdict {
    }

    /**
     * Judges a code against the table it names.
     *
     * @param table       the table's state, empty when the tenant has no such table
     * @param keys        the tenant's key of a version, if it has it
     * @param keyVersions every key version of the tenant (an older code may have been signed by any), asked only for
     *                    such a code
     */
    static CodeVerdict judge(QrToken.Presented code, Optional<CodeState> table, IntFunction<Optional<byte[]>> keys,
            Supplier<List<Integer>> keyVersions) {
        if (table.isEmpty()) {
            return new Forged();
        }
        CodeState state = table.get();
        int version = code.claims().version();
        if (version == state.qrVersion()) {
            return keys.apply(state.keyVersion()).filter(code::isSignedWith).isPresent()
                    ? new Genuine(code.claims().tenantId(), state) : new Forged();
        }
        if (version < state.qrVersion()) {
            boolean signed = keyVersions.get().stream().map(keys::apply).flatMap(Optional::stream).anyMatch(code::isSignedWith);
            return signed ? new Revoked() : new Forged();
        }
        return new Forged();
    }
}
