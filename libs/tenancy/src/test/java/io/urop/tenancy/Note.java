package io.urop.tenancy;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "notes")
class Note {

    @Id
    private UUID id;

    @Column(name = "tenant_id")
    private UUID tenantId;

    private String body;

    protected Note() {
    }

    Note(UUID id, UUID tenantId, String body) {
        this.id = id;
        this.tenantId = tenantId;
        this.body = body;
    }

    String body() {
        return body;
    }
}
