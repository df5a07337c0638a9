package io.urop.payment.account;

import java.time.Clock;
import java.util.UUID;

import io.urop.contracts.Role;
import io.urop.payment.stripe.StripeProperties;
import io.urop.security.CurrentUser;
import io.urop.tenancy.TenantContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The platform's fee on one restaurant's payments: the default ({@code urop.stripe.application-fee-basis-points}) or
 * its own, set by a platform administrator (a restaurant cannot set its own fee).
 */
@RestController
@RequestMapping("/api/v1/payments/application-fees/{tenantId}")
class ApplicationFeeController {

    private final ApplicationFees fees;
    private final StripeProperties settings;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ApplicationFeeController(ApplicationFees fees, StripeProperties settings, TransactionTemplate transaction,
            Clock clock) {
        this.fees = fees;
        this.settings = settings;
        this.transaction = transaction;
        this.clock = clock;
    }

    @GetMapping
    Fee fee(@PathVariable UUID tenantId) {
        requireAdmin();
        return TenantContext.callAs(tenantId, () -> transaction.execute(status -> current(tenantId)));
    }

    @PutMapping
    Fee set(@PathVariable UUID tenantId, @Valid @RequestBody FeeRequest request) {
        CurrentUser admin = requireAdmin();
        return TenantContext.callAs(tenantId, () -> transaction.execute(status -> {
            fees.set(tenantId, request.basisPoints(), admin.subject(), clock.instant());
            return current(tenantId);
        }));
    }

    /** Back to the platform's default. */
    @DeleteMapping
    ResponseEntity<Void> reset(@PathVariable UUID tenantId) {
        requireAdmin();
        TenantContext.runAs(tenantId, () -> transaction.executeWithoutResult(status -> fees.remove(tenantId)));
        return ResponseEntity.noContent().build();
    }

    private Fee current(UUID tenantId) {
        return fees.of(tenantId).map(own -> new Fee(own, false))
                .orElseGet(() -> new Fee(settings.applicationFeeBasisPoints(), true));
    }

    private static CurrentUser requireAdmin() {
        CurrentUser user = CurrentUser.require();
        if (!user.hasRole(Role.PLATFORM_ADMIN)) {
            throw new AccessDeniedException("Only a platform administrator sets a restaurant's fee");
        }
        return user;
    }

    /** @param basisPoints hundredths of a percent of each payment: 150 is 1.5 % */
    record FeeRequest(@NotNull @Min(0) @Max(3000) Integer basisPoints) {
    }

    /** @param platformDefault whether it is the platform's default rather than the restaurant's own */
    record Fee(int basisPoints, boolean platformDefault) {
    }
}
