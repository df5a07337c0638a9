package io.urop.gateway.security;

/** Where Spring Security's chains run among the gateway's web filters, for filters that must run before or after them. */
public final class SecurityChainOrder {

    /** Spring Security's {@code WebFluxSecurityConfiguration.WEB_FILTER_CHAIN_FILTER_ORDER} (not public there). */
    public static final int ORDER = -100;

    private SecurityChainOrder() {
    }
}
