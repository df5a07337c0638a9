package io.urop.auth.tenant;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface KnownTenantRepository extends JpaRepository<KnownTenant, UUID> {
}
