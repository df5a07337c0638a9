package io.urop.tenant.organisation;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A restaurant organisation: the unit of isolation of the whole platform. */
@Entity
@Table(name = "tenants")
public class Tenant {

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

    public Tenant(UUID id, String slug, String name, String currency, String timeZone, Instant createdAt) {
        this.id = id;
        this.slug = slug;
        this.name = name;
        this.currency = currency;
        this.timeZone = timeZone;
        this.createdAt = createdAt;
    }

    public UUID id() {
        return id;
    }

    public String slug() {
        return slug;
    }

    public String name() {
        return name;
    }

    public String currency() {
        return currency;
    }

    public String timeZone() {
        return timeZone;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
