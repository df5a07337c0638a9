package io.urop.tenant.invitation;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.urop.audit.AuditLog;
import io.urop.events.Uuid7;
import io.urop.events.tenant.MemberInvited;
import io.urop.messaging.outbox.Outbox;
import io.urop.security.CurrentUser;
import io.urop.contracts.Role;
import io.urop.tenancy.TenantContext;
import io.urop.tenant.auth.AuthAccounts;
import io.urop.tenant.location.Locations;
import io.urop.tenant.organisation.TenantRepository;
import io.urop.tenant.staff.Member;
import io.urop.tenant.staff.Members;
import io.urop.web.ConflictException;
import io.urop.web.InvalidFieldException;
import io.urop.web.NotFoundException;
import io.urop.web.Paged;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

/**
 * Inviting people to work for a tenant and their accepting. Owners invite anyone; managers invite
 * staff and kitchen to the locations they run themselves. The invitation is recorded and announced
 * ({@code tenant.member-invited}; notification-service then asks for the signed link and emails it); accepting it
 * creates the member here and the account at auth-service, in one transaction.
 */
@Service
class StaffInvitations {

    private static final Set<Role> MANAGER_MAY_INVITE = EnumSet.of(Role.STAFF, Role.KITCHEN);

    private final Invitations invitations;
    private final Members members;
    private final Locations locations;
    private final TenantRepository tenants;
    private final AuthAccounts accounts;
    private final Outbox outbox;
    private final AuditLog audit;
    private final InvitationTokens tokens;
    private final InvitationProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    StaffInvitations(Invitations invitations, Members members, Locations locations, TenantRepository tenants,
            AuthAccounts accounts, Outbox outbox, AuditLog audit, InvitationProperties properties,
            PlatformTransactionManager transactionManager, Clock clock) {
        this.invitations = invitations;
        this.members = members;
        this.locations = locations;
        this.tenants = tenants;
        this.accounts = accounts;
        this.outbox = outbox;
        this.audit = audit;
        this.tokens = new InvitationTokens(properties.signingKeyBytes());
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @Transactional
    public InvitationResponse invite(CurrentUser user, InvitationRequest request, String clientIp) {
        checkMayInvite(user, request);
        UUID tenantId = user.requireTenant();
        for (UUID location : request.locationIds()) {
            locations.find(location).orElseThrow(() -> new NotFoundException("No such location: " + location));
        }
        if (members.findByEmail(request.email()).isPresent()) {
            throw new ConflictException("This person already works here");
        }
        Instant now = clock.instant();
        Invitation invitation = new Invitation(Uuid7.next(), tenantId, request.email(), request.role(),
                request.locationIds(), UUID.fromString(user.subject()), now, now.plus(properties.validFor()), null,
                null);
        invitations.closeExpired(request.email(), now);
        if (!invitations.insert(invitation)) {
            throw new ConflictException("This person has already been invited; revoke that invitation first");
        }
        String tenantName = tenants.findById(tenantId).map(tenant -> tenant.name()).orElseThrow();
        outbox.add(new MemberInvited(invitation.id(), tenantId, tenantName, invitation.email(), request.role().name(),
                user.subject(), invitation.expiresAt()), tenantId, invitation.id().toString());
        audit.record(tenantId, user.subject(), "invitation.sent", invitation.id().toString(), clientIp,
                Map.of("email", invitation.email(), "role", request.role().name()));
        return InvitationResponse.of(invitation, now);
    }

    /** Owners see every invitation; managers the ones they sent. */
    @Transactional(readOnly = true)
    public Paged<InvitationResponse> list(CurrentUser user, int page, int size) {
        requireOwnerOrManager(user);
        Instant now = clock.instant();
        UUID onlyBy = user.hasRole(Role.OWNER) ? null : UUID.fromString(user.subject());
        return new Paged<>(invitations.list(onlyBy, (long) page * size, size).stream()
                .map(invitation -> InvitationResponse.of(invitation, now)).toList(), page, size,
                invitations.count(onlyBy));
    }

    /** Owners withdraw any invitation; managers the ones they sent. */
    @Transactional
    public void revoke(CurrentUser user, UUID invitationId, String clientIp) {
        requireOwnerOrManager(user);
        Invitation invitation = invitations.findForUpdate(invitationId)
                .filter(found -> user.hasRole(Role.OWNER) || found.invitedBy().toString().equals(user.subject()))
                .orElseThrow(() -> new NotFoundException("No such invitation"));
        if (invitation.status(clock.instant()) == Invitation.Status.PENDING) {
            invitations.markRevoked(invitationId, clock.instant());
            audit.record(invitation.tenantId(), user.subject(), "invitation.revoked", invitationId.toString(), clientIp,
                    Map.of("email", invitation.email()));
        }
    }

    /**
     * The link of an invitation that can still be accepted, for notification-service to email; an accepted,
     * withdrawn or expired one answers 410, an unknown one (or another tenant's) 404.
     */
    public InvitationLink link(UUID tenantId, UUID invitationId) {
        Invitation invitation = TenantContext.callAs(tenantId, () -> transactions.execute(status ->
                invitations.find(invitationId).orElseThrow(() -> new NotFoundException("No such invitation"))));
        if (invitation.status(clock.instant()) != Invitation.Status.PENDING) {
            throw gone("The invitation has already been used, was withdrawn or has expired");
        }
        return new InvitationLink(properties.acceptUrl().resolve(tokens.sign(tenantId, invitationId,
                invitation.expiresAt())), invitation.expiresAt());
    }

    record InvitationLink(URI url, Instant expiresAt) {
    }

    /** Public: the signed token is the only credential. A token that is not ours answers 404. */
    public Accepted accept(String token, AcceptanceRequest request, String clientIp) {
        InvitationTokens.Claims claims = tokens.verify(token)
                .orElseThrow(() -> new NotFoundException("No such invitation"));
        if (!claims.expiresAt().isAfter(clock.instant())) {
            throw gone("The invitation has expired; ask for a new one");
        }
        return TenantContext.callAs(claims.tenantId(), () -> transactions.execute(status -> {
            Invitation invitation = invitations.findForUpdate(claims.invitationId())
                    .orElseThrow(() -> new NotFoundException("No such invitation"));
            if (invitation.status(clock.instant()) != Invitation.Status.PENDING) {
                throw gone("The invitation has already been used or was withdrawn");
            }
            Instant now = clock.instant();
            // the invitation's id: a retry after auth-service created the account finds it, instead of a conflict
            UUID memberId = invitation.id();
            members.insert(new Member(memberId, invitation.tenantId(), invitation.email(), request.name(),
                    invitation.role(), invitation.locationIds(), true, now, 0));
            invitations.markAccepted(invitation.id(), now);
            audit.record(invitation.tenantId(), memberId.toString(), "invitation.accepted", invitation.id().toString(),
                    clientIp, Map.of("role", invitation.role().name()));
            // last, so that a refusal (the email has an account elsewhere) or an outage rolls all of it back
            accounts.create(memberId, invitation.tenantId(), invitation.email(), request.password(), invitation.role(),
                    invitation.locationIds());
            return new Accepted(invitation.tenantId(), memberId, invitation.email(), invitation.role());
        }));
    }

    record Accepted(UUID tenantId, UUID memberId, String email, Role role) {
    }

    private static void checkMayInvite(CurrentUser user, InvitationRequest request) {
        if (!Role.staff().contains(request.role())) {
            throw new InvalidFieldException("role", "must be one of OWNER, MANAGER, STAFF, KITCHEN");
        }
        if (user.hasRole(Role.OWNER)) {
            return;
        }
        if (!user.hasRole(Role.MANAGER) || !MANAGER_MAY_INVITE.contains(request.role())) {
            throw new AccessDeniedException("Owners invite anyone; managers invite staff and kitchen");
        }
        if (!user.reachesAllOf(request.locationIds())) {
            throw new AccessDeniedException("Managers invite people to the locations they run");
        }
    }

    private static void requireOwnerOrManager(CurrentUser user) {
        if (!user.hasAnyRole(Role.OWNER, Role.MANAGER)) {
            throw new AccessDeniedException("Only owners and managers manage invitations");
        }
    }

    private static ErrorResponseException gone(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.GONE, detail);
        problem.setType(URI.create("https://urop.io/problems/invitation-unusable"));
        problem.setTitle("Invitation no longer usable");
        return new ErrorResponseException(HttpStatus.GONE, problem, null);
    }
}
