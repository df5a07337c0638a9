package io.urop.tenant.onboarding;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A restaurant organisation: the unit of isolation of the whole platform. */
@Entity
@Table(name = "tenants")
class Tenant {

    @Id
    private UUID id;

    private String slug;

    private String name;

    private String currency;

    @Column(name = "time_zone")
    private String timeZone;

    @Column(name = "created_at")
    private Instant createdAt;

    protected Tenant() {
    }

    Tenant(UUID id, String slug, String name, String currency, String timeZone, Instant createdAt) {
        this.id = id;
        this.slug = slug;
        this.name = name;
        this.currency = currency;
        this.timeZone = timeZone;
        this.createdAt = createdAt;
    }

    UUID id() {
        return id;
    }

    String slug() {
        return slug;
    }

    String name() {
        return name;
    }

    String currency() {
        return currency;
    }

    String timeZone() {
        return timeZone;
    }

    Instant createdAt() {
        return createdAt;
    }
}
