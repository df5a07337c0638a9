package io.urop.menu.image;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The pictures the tenant uploaded (their renditions are in {@link ImageStore}). */
@Repository
class Images {

    private final JdbcClient jdbc;

    Images(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID tenantId, Instant uploadedAt, String uploadedBy) {
        jdbc.sql("insert into images (id, tenant_id, uploaded_at, uploaded_by) values (?, ?, ?, ?)")
                .params(id, tenantId, Timestamp.from(uploadedAt), uploadedBy).update();
    }

    /** Those of the pictures that were uploaded, which cannot be deleted (a shared lock) until the transaction ends. */
    List<UUID> holdUploaded(Set<UUID> ids) {
        return jdbc.sql("select id from images where id = any(?) for share").param(ids.toArray(UUID[]::new))
                .query(UUID.class).list();
    }

    /** Whether the picture was uploaded; if so it is locked until the transaction ends. */
    boolean lock(UUID id) {
        return jdbc.sql("select id from images where id = ? for update").param(id).query(UUID.class).optional()
                .isPresent();
    }

    void delete(UUID id) {
        jdbc.sql("delete from images where id = ?").param(id).update();
    }
}
