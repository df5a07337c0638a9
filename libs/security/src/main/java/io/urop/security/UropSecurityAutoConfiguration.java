package io.urop.security;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import io.urop.contracts.AuthEndpoints;
import io.urop.contracts.Role;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Zero trust inside the cluster: every servlet business service verifies the caller's access token
 * itself, although the gateway already did. Stateless: bearer tokens in the {@code Authorization}
 * header only (never in a query or form parameter), no session, no CSRF (no cookie is ever
 * trusted), every path that is not public authenticated. Roles become {@code ROLE_<NAME>}
 * authorities and method security ({@code @PreAuthorize}) is on. 401 and 403 answer
 * {@code application/problem+json}. The token's tenant is bound into
 * {@link io.urop.tenancy.TenantContext} for the request.
 *
 * <p>Public paths ignore any token sent with them: a public answer never depends on who asks, and a
 * stale token cannot turn a public path into a 401. This chain matches every request at a late order
 * ({@link #ORDER}); a service that needs something else for a few paths (a WebSocket handshake, a
 * webhook) adds its own {@code SecurityFilterChain} with a {@code securityMatcher} and an earlier order.
 */
@AutoConfiguration(before = { ServletWebSecurityAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class,
        OAuth2ResourceServerAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ SecurityFilterChain.class, BearerTokenAuthenticationFilter.class })
@EnableConfigurationProperties(UropSecurityProperties.class)
@EnableWebSecurity
@EnableMethodSecurity
@Import(SecurityExceptionAdvice.class)
public class UropSecurityAutoConfiguration {

    /**
     * Paths only the fleet's services call (with a client-credentials token, role SERVICE); the gateway
     * routes none of them. Refused before the request body is even read.
     */
    public static final String INTERNAL_PATHS = "/internal/**";

    /** Paths every service leaves open: health and metrics for the platform, API docs for the gateway's UI. */
    public static final List<String> ALWAYS_PUBLIC = List.of("/actuator/health/**", "/actuator/prometheus",
            "/actuator/info", "/v3/api-docs/**", "/swagger-ui/**", "/error");

    /** The order of this library's catch-all chain; a service's own chains go before it. */
    public static final int ORDER = Ordered.LOWEST_PRECEDENCE - 10;

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    AccessTokenVerifier accessTokenVerifier(UropSecurityProperties properties, Environment environment,
            ObjectProvider<InstanceResolver> instances) {
        return AccessTokenVerifier.builder()
                .jwksUri(jwksUri(properties, environment))
                .instanceResolver(instances.getIfAvailable())
                .issuer(properties.issuer())
                .audience(properties.audience())
                .jwksCacheTtl(properties.jwksCacheTtl())
                .jwksRefetchInterval(properties.jwksRefetchInterval())
                .build();
    }

    /** As a bean, it also tells Boot not to set up its generated-password user. */
    @Bean
    @ConditionalOnMissingBean
    AuthenticationManagerResolver<HttpServletRequest> accessTokenAuthenticationManagerResolver(
            AccessTokenVerifier verifier) {
        AuthenticationManager manager = new AccessTokenAuthenticationManager(verifier);
        return request -> manager;
    }

    /** Picked up by Spring Security's filter chain proxy: the firewall's refusals answer 400 problem+json, not an empty 400. */
    @Bean
    @ConditionalOnMissingBean
    RequestRejectedHandler requestRejectedProblems() {
        return new SecurityProblems();
    }

    @Bean
    @Order(ORDER)
    SecurityFilterChain uropSecurityFilterChain(HttpSecurity http, UropSecurityProperties properties,
            AuthenticationManagerResolver<HttpServletRequest> authenticationManagers,
            ObjectProvider<PathPatternRequestMatcher.Builder> matchers) throws Exception {
        RequestMatcher publicPaths = publicPaths(properties,
                matchers.getIfAvailable(PathPatternRequestMatcher::withDefaults));
        SecurityProblems problems = new SecurityProblems();
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(publicPaths).permitAll()
                        .requestMatchers(matchers.getIfAvailable(PathPatternRequestMatcher::withDefaults)
                                .matcher(INTERNAL_PATHS)).hasRole(Role.SERVICE.name())
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .authenticationManagerResolver(authenticationManagers)
                        .bearerTokenResolver(headerTokenOutside(publicPaths))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems)
                        // Spring Security 7 always serves RFC 9728 metadata; by default it claims mTLS-bound tokens
                        .protectedResourceMetadata(metadata -> metadata.protectedResourceMetadataCustomizer(
                                resource -> resource.tlsClientCertificateBoundAccessTokens(false))))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .addFilterAfter(new TenantBindingFilter(), AuthorizationFilter.class);
        return http.build();
    }

    static URI jwksUri(UropSecurityProperties properties, Environment environment) {
        if (properties.jwksUri() != null) {
            return properties.jwksUri();
        }
        String authUrl = environment.resolveRequiredPlaceholders(UropSecurityProperties.DEFAULT_AUTH_URL);
        return URI.create(authUrl.replaceAll("/+$", "") + AuthEndpoints.JWKS);
    }

    static RequestMatcher publicPaths(UropSecurityProperties properties, PathPatternRequestMatcher.Builder matchers) {
        List<String> patterns = new ArrayList<>(ALWAYS_PUBLIC);
        patterns.addAll(properties.publicPaths());
        return new OrRequestMatcher(patterns.stream().distinct().map(matchers::matcher)
                .map(RequestMatcher.class::cast).toList());
    }

    private static BearerTokenResolver headerTokenOutside(RequestMatcher publicPaths) {
        BearerTokenResolver header = new DefaultBearerTokenResolver();
        return request -> publicPaths.matches(request) ? null : header.resolve(request);
    }
}
