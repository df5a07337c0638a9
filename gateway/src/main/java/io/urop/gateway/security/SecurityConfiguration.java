package io.urop.gateway.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.HttpStatusServerEntryPoint;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.cors.reactive.CorsConfigurationSource;

/**
 * Three stateless chains. The management port ({@code management.server.port}: actuator's probes and metrics,
 * reached by the cluster only) needs no token. Public paths ({@code urop.gateway.security.public-paths}) need no
 * token, and one sent there is not even read. Every other path, routed or not, needs a valid access token whose
 * session is not revoked: an unknown path answers 401 without one (the routing table is not shown to
 * anonymous callers) and 404 with one. The token is passed on untouched; services verify it again.
 *
 * <p>Every chain applies the CORS policy first, so a preflight never needs a token. Spring Security's
 * header writers are off: {@code edge.SecurityHeadersFilter} writes the headers of every answer,
 * including the ones written outside these chains.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * Probes and metrics, on the management port only, where nothing else is served: the gateway's routes (which skip
     * that port only when it is a fixed one) answer 404 there.
     */
    @Bean
    @Order(0)
    SecurityWebFilterChain managementPortChain(ServerHttpSecurity http, ManagementPortRequests managementPort,
            CorsConfigurationSource cors) {
        return stateless(http, cors)
                .securityMatcher(managementPort)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/**").permitAll()
                        .anyExchange().denyAll())
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(new HttpStatusServerEntryPoint(HttpStatus.NOT_FOUND)))
                .build();
    }

    @Bean
    @Order(1)
    SecurityWebFilterChain publicPathsChain(ServerHttpSecurity http, GatewaySecurityProperties properties,
            CorsConfigurationSource cors) {
        return stateless(http, cors)
                .securityMatcher(publicPaths(properties))
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .build();
    }

    @Bean
    @Order(2)
    SecurityWebFilterChain accessTokenChain(ServerHttpSecurity http, CorsConfigurationSource cors,
            ReactiveJwtDecoder accessTokenDecoder, RevokedSessions revokedSessions, SecurityProblems problems) {
        RevocationCheckingAuthenticationManager tokens = new RevocationCheckingAuthenticationManager(
                new JwtReactiveAuthenticationManager(accessTokenDecoder), revokedSessions);
        return stateless(http, cors)
                .authorizeExchange(exchanges -> exchanges.anyExchange().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.authenticationManager(tokens))
                        .authenticationEntryPoint(problems)
                        .authenticationFailureHandler(problems))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems))
                .build();
    }

    private static ServerHttpSecurity stateless(ServerHttpSecurity http, CorsConfigurationSource cors) {
        return http
                .cors(spec -> spec.configurationSource(cors))
                // bearer tokens only, never cookies: nothing for a cross-site request to ride on
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .headers(ServerHttpSecurity.HeaderSpec::disable);
    }

    private static ServerWebExchangeMatcher publicPaths(GatewaySecurityProperties properties) {
        if (properties.publicPaths().isEmpty()) {
            return exchange -> ServerWebExchangeMatcher.MatchResult.notMatch();
        }
        return ServerWebExchangeMatchers.pathMatchers(properties.publicPaths().toArray(String[]::new));
    }
}
