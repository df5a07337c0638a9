package io.urop.tenant.staff;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;

import io.urop.audit.AuditLog;
import io.urop.security.CurrentUser;
import io.urop.contracts.Role;
import io.urop.tenant.auth.AuthAccounts;
import io.urop.tenant.location.Locations;
import io.urop.web.ConflictException;
import io.urop.web.InvalidFieldException;
import io.urop.web.NotFoundException;
import io.urop.web.Paged;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A tenant's people. Owners change anyone's role and locations; owners, and managers for the staff
 * and kitchen of their own locations, deactivate people. Either change reaches auth-service before
 * the transaction commits, and ends the person's sessions there, so it applies at once.
 */
@Service
class StaffDirectory {

    private final Members members;
    private final Locations locations;
    private final AuthAccounts accounts;
    private final AuditLog audit;
    private final Clock clock;

    StaffDirectory(Members members, Locations locations, AuthAccounts accounts, AuditLog audit, Clock clock) {
        this.members = members;
        this.locations = locations;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Paged<MemberResponse> list(CurrentUser user, int page, int size) {
        if (!user.hasAnyRole(Role.OWNER, Role.MANAGER)) {
            throw new AccessDeniedException("Only owners and managers see the staff list");
        }
        return new Paged<>(members.list((long) page * size, size).stream().map(MemberResponse::of).toList(), page, size,
                members.count());
    }

    @Transactional
    public MemberResponse changeAccess(CurrentUser user, UUID memberId, AccessRequest request, String clientIp) {
        if (!user.hasRole(Role.OWNER)) {
            throw new AccessDeniedException("Only owners change roles");
        }
        Member member = find(memberId);
        if (member.id().toString().equals(user.subject())) {
            throw new ConflictException("Owners cannot change their own role; another owner can");
        }
        if (!Role.staff().contains(request.role())) {
            throw new InvalidFieldException("role", "must be one of OWNER, MANAGER, STAFF, KITCHEN");
        }
        for (UUID location : request.locationIds()) {
            locations.find(location).orElseThrow(() -> new NotFoundException("No such location: " + location));
        }
        if (!members.changeAccess(memberId, request.role(), request.locationIds(), member.version(), clock.instant())) {
            throw new ConflictException("The member was changed meanwhile; reload and try again");
        }
        audit.record(member.tenantId(), user.subject(), "member.access-changed", memberId.toString(), clientIp,
                Map.of("from", member.role().name(), "to", request.role().name(),
                        "locations", request.locationIds().stream().map(UUID::toString).sorted().toList()));
        accounts.changeAccess(memberId, member.tenantId(), request.role(), request.locationIds());
        return MemberResponse.of(find(memberId));
    }

    @Transactional
    public void deactivate(CurrentUser user, UUID memberId, String clientIp) {
        Member member = find(memberId);
        if (member.id().toString().equals(user.subject())) {
            throw new ConflictException("You cannot deactivate yourself");
        }
        if (!mayDeactivate(user, member)) {
            throw new AccessDeniedException("Owners deactivate anyone; managers the staff and kitchen of their locations");
        }
        if (members.deactivate(memberId, clock.instant())) {
            audit.record(member.tenantId(), user.subject(), "member.deactivated", memberId.toString(), clientIp,
                    Map.of("role", member.role().name()));
        }
        accounts.deactivate(memberId, member.tenantId());
    }

    private static boolean mayDeactivate(CurrentUser user, Member member) {
        if (user.hasRole(Role.OWNER)) {
            return true;
        }
        return user.hasRole(Role.MANAGER) && EnumSet.of(Role.STAFF, Role.KITCHEN).contains(member.role())
                && user.reachesAllOf(member.locationIds());
    }

    private Member find(UUID memberId) {
        return members.find(memberId).orElseThrow(() -> new NotFoundException("No such member"));
    }
}
