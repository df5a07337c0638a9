package io.urop.tenant.signup;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.urop.events.tenant.TenantCreated;
import io.urop.messaging.outbox.Outbox;
import io.urop.contracts.Role;
import io.urop.tenant.auth.AuthAccounts;
import io.urop.tenant.location.LocationDetails;
import io.urop.tenant.location.Locations;
import io.urop.tenant.organisation.Tenant;
import io.urop.tenant.organisation.TenantRepository;
import io.urop.tenant.staff.Member;
import io.urop.tenant.staff.Members;
import io.urop.web.ConflictException;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Signs a restaurant group up in one step: the tenant, its first location, the owner as its first
 * member, {@code tenant.created} and {@code tenant.location-changed}, and the owner's account at
 * auth-service so they can sign in at once. The account is created last, inside the transaction: an
 * unreachable auth-service (503) rolls everything back, and a taken slug (409, slugs are public) fails
 * before auth-service is asked.
 *
 * <p>An owner's email that already has an account rolls everything back too, yet answers as a new sign-up
 * does, with the ids it would have had, so that the form tells nobody which addresses have accounts; the
 * person behind the address is told by email instead (auth-service does it). Nothing is kept: an organisation
 * whose owner's account belongs to someone else would be one nobody can reach. Both ways do the same work
 * (every row written, the password hashed at auth-service), so neither takes noticeably longer.
 */
@Service
class Signup {

    private final TenantRepository tenants;
    private final Locations locations;
    private final Members members;
    private final AuthAccounts accounts;
    private final Outbox outbox;
    private final Clock clock;

    Signup(TenantRepository tenants, Locations locations, Members members, AuthAccounts accounts, Outbox outbox,
            Clock clock) {
        this.tenants = tenants;
        this.locations = locations;
        this.members = members;
        this.accounts = accounts;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Must run with the new tenant's id bound: everything it writes is in that tenant's scope. */
    @Transactional
    public SignupResponse signUp(UUID tenantId, UUID locationId, UUID ownerId, SignupRequest request) {
        Instant now = clock.instant();
        LocationDetails location = request.location();
        Tenant tenant = new Tenant(tenantId, request.organisation().slug(), request.organisation().name(),
                location.currency(), location.timeZone(), now);
        try {
            tenants.saveAndFlush(tenant);
        }
        catch (DataIntegrityViolationException e) {
            throw new ConflictException("The slug '" + tenant.slug() + "' is taken");
        }
        locations.insert(locationId, tenantId, location, now);
        members.insert(new Member(ownerId, tenantId, request.owner().email(), request.owner().name(), Role.OWNER,
                Set.of(), true, now, 0));
        outbox.add(new TenantCreated(tenantId, tenant.slug(), tenant.name(), tenant.currency(), tenant.timeZone()),
                tenantId, tenantId.toString());
        outbox.add(locations.find(locationId).orElseThrow().changed(), tenantId, locationId.toString());
        if (!accounts.createSignupOwner(ownerId, tenantId, request.owner().email(), request.owner().password())) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        }
        return new SignupResponse(tenantId, tenant.slug(), locationId, ownerId);
    }
}
