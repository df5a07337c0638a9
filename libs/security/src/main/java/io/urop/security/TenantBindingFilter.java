package io.urop.security;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.urop.tenancy.TenantContext;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Binds the tenant of the request's verified access token into {@link TenantContext} for the rest
 * of the request, and restores what was there after. It runs in the security filter chain after
 * authentication and authorization, so the tenant only ever comes from a verified token, never
 * from a header or body the client controls. A request without a tenant (public path, platform
 * admin without {@code tid}) runs with none bound, even if a careless caller left one on the thread.
 * Only the request thread is bound: work handed to other threads must carry the tenant itself.
 */
final class TenantBindingFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        UUID tenant = tenantOf(SecurityContextHolder.getContext().getAuthentication());
        try {
            TenantContext.callAs(tenant, () -> {
                try {
                    chain.doFilter(request, response);
                    return null;
                }
                catch (IOException | ServletException e) {
                    throw new Tunnel(e);
                }
            });
        }
        catch (Tunnel tunnel) {
            if (tunnel.getCause() instanceof IOException io) {
                throw io;
            }
            throw (ServletException) tunnel.getCause();
        }
    }

    private static UUID tenantOf(Authentication authentication) {
        return authentication instanceof AccessTokenAuthentication accessToken ? accessToken.token().tenantId() : null;
    }

    /** Carries a checked exception of the chain through {@link TenantContext#callAs}. */
    private static final class Tunnel extends RuntimeException {

        Tunnel(Exception cause) {
            super(cause);
        }
    }
}
