package io.urop.tenant.staff;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.urop.contracts.Role;

record MemberResponse(UUID id, String email, String displayName, Role role, Set<UUID> locationIds, boolean active,
        Instant createdAt) {

    static MemberResponse of(Member member) {
        return new MemberResponse(member.id(), member.email(), member.displayName(), member.role(), member.locationIds(),
                member.active(), member.createdAt());
    }
}
