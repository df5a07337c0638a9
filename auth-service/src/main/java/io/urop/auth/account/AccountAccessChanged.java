package io.urop.auth.account;

import java.util.UUID;

import io.urop.auth.ClientInfo;

/**
 * An account was given new roles or location limits ({@link AccountRegistry#changeAccess}); published inside the
 * transaction of the change, which its listeners join.
 */
public record AccountAccessChanged(UUID accountId, String actor, ClientInfo client) {
}
