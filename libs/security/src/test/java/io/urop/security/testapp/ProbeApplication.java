package io.urop.security.testapp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.urop.security.CurrentUser;
import io.urop.tenancy.TenancyAutoConfiguration;
import io.urop.tenancy.TenantContext;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A service as small as can be: no database (libs/tenancy brings JPA along, so it is switched off here). */
@SpringBootApplication(exclude = { TenancyAutoConfiguration.class, DataSourceAutoConfiguration.class,
        HibernateJpaAutoConfiguration.class, DataJpaRepositoriesAutoConfiguration.class })
public class ProbeApplication {

    @RestController
    static class ProbeController {

        @GetMapping("/api/me")
        Map<String, Object> me() {
            CurrentUser user = CurrentUser.require();
            Map<String, Object> body = seen();
            body.put("subject", user.subject());
            body.put("tenant", user.tenantId());
            body.put("roles", user.roles());
            body.put("session", user.sessionId());
            body.put("locations", user.locations());
            return body;
        }

        @GetMapping("/api/locations/{location}")
        Map<String, Object> location(@PathVariable UUID location) {
            if (!CurrentUser.require().mayAccessLocation(location)) {
                throw new AccessDeniedException("not one of the token's locations");
            }
            return seen();
        }

        @PostMapping("/api/me")
        Map<String, Object> postMe() {
            return me();
        }

        @GetMapping("/api/owner-only")
        @PreAuthorize("hasRole('OWNER')")
        Map<String, Object> ownerOnly() {
            return seen();
        }

        /** How many requests reached {@code /internal/probe}. */
        static final AtomicInteger INTERNAL_CALLS = new AtomicInteger();

        @GetMapping("/internal/probe")
        String internal() {
            INTERNAL_CALLS.incrementAndGet();
            return "for services";
        }

        @GetMapping("/public/tenant")
        Map<String, Object> publicTenant() {
            Map<String, Object> body = seen();
            body.put("user", CurrentUser.current().map(CurrentUser::subject).orElse(null));
            return body;
        }

        /** What the request thread sees: the bound tenant and which thread it is. */
        private static Map<String, Object> seen() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("contextTenant", TenantContext.current().orElse(null));
            body.put("thread", Thread.currentThread().getName());
            return body;
        }
    }
}
