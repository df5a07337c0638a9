package io.urop.auth.login;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Lock-out after repeated failures ({@code urop.auth.login.*}). A client is an IPv4 address or an IPv6 /64 (what
 * one subscriber gets), as the gateway forwards it.
 *
 * @param maxFailures               failed attempts on one email from one client before that client is locked out of it
 * @param lockFor                   the window failures are counted in; a lock lasts until it ends
 * @param maxFailuresFromNewClients failed attempts on one email from all the clients it has not signed in from
 *                                  lately, together, before every such client is locked out of it: many clients
 *                                  guessing together get no more, while the clients it signed in from are spared
 * @param rememberClientsFor        how long a client an email signed in from (or reset its password from) stays
 *                                  spared by that ceiling, counted from its last success there
 */
@ConfigurationProperties("urop.auth.login")
record LoginProperties(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration lockFor,
        @DefaultValue("20") int maxFailuresFromNewClients, @DefaultValue("30d") Duration rememberClientsFor) {
}
