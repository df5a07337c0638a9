package io.urop.gateway.ratelimit;

import java.util.List;

import io.urop.contracts.AccessTokenClaims;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * A diner's budgets, apart from its tenant's: its table session's ({@code sid}), which all the table's phones share,
 * and its token's own ({@code jti}), counted in memory and shared through Redis ({@link SyncedWindows}). A request is
 * admitted only while both have room, and then counts in both: a token cut off at its own budget spends no more of its
 * table's. Each scan of a table's code mints a new token for the same session, so a photo of the code buys no more
 * than the table's budget.
 */
@Component
class DinerBudgets {

    private final SyncedWindows windows;

    private final RateLimitProperties.DinerLimits budgets;

    DinerBudgets(SyncedWindows windows, RateLimitProperties properties) {
        this.windows = windows;
        this.budgets = properties.perDiner();
    }

    Mono<Decision> acquire(Jwt diner) {
        String tableSession = diner.getClaimAsString(AccessTokenClaims.SESSION);
        return windows.acquire(List.of(
                new Window(RateLimitKeys.tableSession(tableSession), budgets.tableSessionLimit(), budgets.window()),
                new Window(RateLimitKeys.dinerToken(tableSession, tokenId(diner)), budgets.tokenLimit(),
                        budgets.window())), budgets.syncInterval());
    }

    /** auth-service gives every token a {@code jti}; without one, its signature tells it apart as well. */
    private static String tokenId(Jwt diner) {
        String id = diner.getId();
        if (id != null && !id.isBlank()) {
            return id;
        }
        String value = diner.getTokenValue();
        return value.substring(value.lastIndexOf('.') + 1);
    }
}
