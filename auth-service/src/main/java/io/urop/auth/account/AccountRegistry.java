package io.urop.auth.account;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import io.urop.audit.AuditLog;
import io.urop.auth.ClientInfo;
import io.urop.contracts.Role;
import io.urop.web.ConflictException;
import io.urop.web.InvalidFieldException;
import io.urop.web.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates and deactivates accounts on behalf of tenant-service; runs bound to the account's tenant. A change of
 * access and a deactivation are announced ({@link AccountAccessChanged}, {@link AccountDeactivated}) inside their
 * transaction, so that what ends the account's sessions commits with the change or not at all.
 */
@Service
class AccountRegistry {

    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final Clock clock;

    AccountRegistry(Accounts accounts, ApplicationEventPublisher events, PasswordEncoder passwords, AuditLog audit,
            Clock clock) {
        this.accounts = accounts;
        this.events = events;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Hashes the password first whatever comes of it, so that a taken email costs what a new account costs.
     *
     * @return true if created, false if this very account already exists (a retry)
     * @throws ConflictException if the email belongs to another account
     */
    @Transactional
    public boolean create(NewAccountRequest request, String actor, ClientInfo client) {
        if (!Role.staff().containsAll(request.roles())) {
            throw new InvalidFieldException("roles", "must be among OWNER, MANAGER, STAFF, KITCHEN");
        }
        PasswordPolicy.check("password", request.password());
        Account account = new Account(request.id(), request.tenantId(), request.email(),
                passwords.encode(request.password()), request.roles(), request.locationIds(), true);
        if (accounts.insert(account, clock.instant())) {
            audit.record(request.tenantId(), actor, "account.created", request.id().toString(), client.ip(),
                    Map.of("roles", request.roles().stream().map(Role::name).sorted().toList()));
            return true;
        }
        if (accounts.findById(request.id()).filter(existing -> existing.email().equals(Accounts.normalise(request.email())))
                .isPresent()) {
            return false;
        }
        throw new ConflictException("An account with this email already exists");
    }

    /** Gives an account new roles and location limits, and ends its sessions so that no token has the old ones. */
    @Transactional
    public void changeAccess(UUID accountId, AccessChange change, String actor, ClientInfo client) {
        if (!Role.staff().containsAll(change.roles())) {
            throw new InvalidFieldException("roles", "must be among OWNER, MANAGER, STAFF, KITCHEN");
        }
        Account account = accounts.findById(accountId).orElseThrow(() -> new NotFoundException("No such account"));
        accounts.changeAccess(accountId, change.roles(), change.locationIds());
        audit.record(account.tenantId(), actor, "account.access-changed", accountId.toString(), client.ip(),
                Map.of("roles", change.roles().stream().map(Role::name).sorted().toList(),
                        "locations", change.locationIds().stream().map(UUID::toString).sorted().toList()));
        events.publishEvent(new AccountAccessChanged(accountId, actor, client));
    }

    /** Deactivates an account and revokes every session it has. */
    @Transactional
    public void deactivate(UUID accountId, String actor, ClientInfo client) {
        Account account = accounts.findById(accountId).orElseThrow(() -> new NotFoundException("No such account"));
        if (accounts.deactivate(accountId)) {
            audit.record(account.tenantId(), actor, "account.deactivated", accountId.toString(), client.ip(), Map.of());
        }
        events.publishEvent(new AccountDeactivated(accountId, actor, client));
    }
}
