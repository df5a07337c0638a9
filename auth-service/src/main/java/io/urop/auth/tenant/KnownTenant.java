package io.urop.auth.tenant;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "known_tenants")
class KnownTenant {

    @Id
    @Column(name = "tenant_id")
    private UUID tenantId;

    private String slug;

    private String name;

    @Column(name = "registered_at")
    private Instant registeredAt;

    protected KnownTenant() {
    }

    KnownTenant(UUID tenantId, String slug, String name, Instant registeredAt) {
        this.tenantId = tenantId;
        this.slug = slug;
        this.name = name;
        this.registeredAt = registeredAt;
    }
}
