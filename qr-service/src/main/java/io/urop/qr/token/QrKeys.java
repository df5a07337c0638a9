package io.urop.qr.token;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The qr_keys table: each tenant's QR keys by version, sealed; the tenant is the one bound to the transaction. */
@Repository
class QrKeys {

    private final JdbcClient jdbc;

    QrKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<byte[]> sealed(UUID tenantId, int version) {
        return jdbc.sql("select sealed_key from qr_keys where tenant_id = ? and version = ?")
                .params(tenantId, version).query(byte[].class).optional();
    }

    /** Every key version of the tenant, newest first. */
    List<Integer> versions(UUID tenantId) {
        return jdbc.sql("select version from qr_keys where tenant_id = ? order by version desc").param(tenantId)
                .query(Integer.class).list();
    }

    Optional<Integer> newest(UUID tenantId) {
        return jdbc.sql("select version from qr_keys where tenant_id = ? order by version desc limit 1").param(tenantId)
                .query(Integer.class).optional();
    }

    /** Adds the key, unless the tenant has that version already (made at the same moment by another request). */
    void add(UUID tenantId, int version, byte[] sealed, Instant createdAt) {
        jdbc.sql("insert into qr_keys (tenant_id, version, sealed_key, created_at) values (?, ?, ?, ?) on conflict do nothing")
                .params(tenantId, version, sealed, Timestamp.from(createdAt))
                .update();
    }
}
