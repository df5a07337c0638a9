package io.urop.security;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.urop.contracts.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokenTest {

    @Test
    void onlyAPlatformAdminOrAServiceMayHaveNoTenant() {
        assertThat(token(null, Role.PLATFORM_ADMIN).tenantId()).isNull();
        assertThat(token(null, Role.SERVICE).tenantId()).isNull();
        assertThatThrownBy(() -> token(null, Role.OWNER)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> token(null, Role.DINER)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRolesThatMayActWithoutATenant() {
        assertThat(Set.of(Role.values()).stream().filter(Role::mayActWithoutTenant))
                .containsExactlyInAnyOrder(Role.PLATFORM_ADMIN, Role.SERVICE);
        assertThat(Role.of("SERVICE")).hasValue(Role.SERVICE);
        assertThat(Role.SERVICE.authority()).isEqualTo("ROLE_SERVICE");
    }

    private static VerifiedToken token(UUID tenant, Role role) {
        return new VerifiedToken("sub", tenant, Set.of(role), Set.of(), "sid", Instant.now(), Map.of());
    }
}
