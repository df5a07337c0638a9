package io.urop.auth.account;

import java.util.UUID;

import io.urop.auth.ClientInfo;

/**
 * An account was deactivated, or asked to be again ({@link AccountRegistry#deactivate}); published inside the
 * transaction of the change, which its listeners join.
 */
public record AccountDeactivated(UUID accountId, String actor, ClientInfo client) {
}
