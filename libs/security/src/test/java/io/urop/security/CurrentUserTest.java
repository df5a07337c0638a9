package io.urop.security;

import java.util.Set;
import java.util.UUID;

import io.urop.contracts.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CurrentUserTest {

    private static final UUID TERRACE = UUID.randomUUID();
    private static final UUID BAR = UUID.randomUUID();

    @Test
    void anUnlimitedCallerReachesEverything() {
        CurrentUser owner = user(Set.of());

        assertThat(owner.reachesAllOf(Set.of())).isTrue();
        assertThat(owner.reachesAllOf(Set.of(TERRACE, BAR))).isTrue();
    }

    @Test
    void aLimitedCallerReachesOnlyASubsetOfItsOwnLocations() {
        CurrentUser manager = user(Set.of(TERRACE));

        assertThat(manager.reachesAllOf(Set.of(TERRACE))).isTrue();
        assertThat(manager.reachesAllOf(Set.of(TERRACE, BAR))).isFalse();
        assertThat(manager.reachesAllOf(Set.of())).as("all of the tenant's locations").isFalse();
    }

    private static CurrentUser user(Set<UUID> locations) {
        return new CurrentUser("someone", UUID.randomUUID(), Set.of(Role.MANAGER), locations, "session");
    }
}
