package io.urop.tenant.auth;

import java.util.Set;
import java.util.UUID;

import io.urop.client.CallFailed;
import io.urop.client.CallRejected;
import io.urop.client.ServiceClient;
import io.urop.client.ServiceClients;
import io.urop.contracts.Role;
import io.urop.web.ConflictException;
import io.urop.web.NotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * The accounts of tenant-service's people at auth-service: created at sign-up and when an invitation is accepted,
 * changed and deactivated with the member. Calls are synchronous (the person is waiting), each safe to repeat (an
 * account's id is chosen here, a change sets a state), so a call that found no instance answering is retried; when
 * auth-service cannot answer, the caller gets 503 (504 after its timeout) and nothing is saved here.
 */
@Component
public class AuthAccounts {

    private final ServiceClient auth;

    AuthAccounts(ServiceClients clients) {
        this.auth = clients.client("auth-service");
    }

    /**
     * Creates the account; a retry with the same id is fine.
     *
     * @throws ConflictException if the email already belongs to an account
     * @throws CallFailed if auth-service cannot be reached or fails
     */
    public void create(UUID accountId, UUID tenantId, String email, String password, Role role, Set<UUID> locationIds) {
        send(auth.post("/internal/v1/accounts")
                .body(new NewAccount(accountId, tenantId, email, password, Set.of(role), locationIds, false)));
    }

    /**
     * The owner's account of a public sign-up, which must not tell its caller whether the email has an account:
     * when it has, auth-service tells that address by email, and this answers false.
     *
     * @return true if created (or already created, by a retry), false if the email belongs to another account
     * @throws CallFailed if auth-service cannot be reached or fails
     */
    public boolean createSignupOwner(UUID accountId, UUID tenantId, String email, String password) {
        try {
            send(auth.post("/internal/v1/accounts")
                    .body(new NewAccount(accountId, tenantId, email, password, Set.of(Role.OWNER), Set.of(), true)));
            return true;
        }
        catch (ConflictException taken) {
            return false;
        }
    }

    /** Gives the account a new role and location limits, and ends its sessions so that they apply at once. */
    public void changeAccess(UUID accountId, UUID tenantId, Role role, Set<UUID> locationIds) {
        send(auth.put("/internal/v1/accounts/{id}/access", accountId)
                .body(new AccessChange(tenantId, Set.of(role), locationIds)));
    }

    /** Deactivates the account and revokes its sessions at once. */
    public void deactivate(UUID accountId, UUID tenantId) {
        send(auth.post("/internal/v1/accounts/{id}/deactivation?tenantId={tenant}", accountId, tenantId));
    }

    private static void send(ServiceClient.Call call) {
        try {
            call.idempotent().send();
        }
        catch (CallRejected rejected) {
            if (rejected.is(HttpStatus.CONFLICT)) {
                throw new ConflictException("An account with this email already exists");
            }
            if (rejected.is(HttpStatus.NOT_FOUND)) {
                throw new NotFoundException("No such account");
            }
            if (rejected.is(HttpStatus.BAD_REQUEST)) {
                // the same rules are checked here first, so this is a rule only auth-service knows
                throw new ErrorResponseException(HttpStatus.BAD_REQUEST, rejected.problem(), rejected);
            }
            throw rejected;
        }
        catch (CallFailed failed) {
            failed.setDetail("Accounts cannot be changed right now. Nothing was saved; please try again in a moment.");
            throw failed;
        }
    }

    /**
     * An account for a person, under an id chosen here.
     *
     * @param selfSignup the owner's account of a public sign-up: auth-service tells an address that has an account
     */
    record NewAccount(UUID id, UUID tenantId, String email, String password, Set<Role> roles, Set<UUID> locationIds,
            boolean selfSignup) {

        @Override
        public String toString() {
            return "NewAccount[id=" + id + ", tenantId=" + tenantId + ", roles=" + roles + "]";
        }
    }

    /** The roles and location limits (none: every location) an account has from now on. */
    record AccessChange(UUID tenantId, Set<Role> roles, Set<UUID> locationIds) {
    }
}
