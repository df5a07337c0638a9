package io.urop.stripe.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/**
 * Where an account link leads: one button completes the connected account's onboarding and returns to
 * {@code return_url}. A used or expired link goes to {@code refresh_url}, as Stripe's does.
 */
final class OnboardingPage implements HttpHandler {

    private static final String PREFIX = "/connect/onboarding/";

    private final Ledger ledger;
    private final AccountsApi accounts;

    OnboardingPage(Ledger ledger, AccountsApi accounts) {
        this.ledger = ledger;
        this.accounts = accounts;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String token = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : "";
        Exchanges.body(exchange);
        String redirect;
        String html = null;
        synchronized (ledger) {
            AccountLink link = ledger.accountLinks.get(token);
            if (link == null) {
                Exchanges.html(exchange, 404, Html.page("en", "Onboarding", "<h1>This onboarding link does not exist.</h1>\n"));
                return;
            }
            Account account = ledger.accounts.get(link.accountId);
            if (link.used || link.expiresAt < ledger.now()) {
                redirect = link.refreshUrl;
            } else if (exchange.getRequestMethod().equals("POST")) {
                link.used = true;
                accounts.completeOnboarding(account, link.apiVersion);
                redirect = link.returnUrl;
            } else {
                redirect = null;
                html = Html.page("en", "Set up payments", "<h1>Set up payments for "
                        + Html.escape(account.displayName()) + "</h1>\n<p>Account <code>" + account.id
                        + "</code>, " + Html.escape(account.country) + ". In test mode no details are needed.</p>\n"
                        + "<form method=\"post\" action=\"" + PREFIX + token + "\">\n"
                        + "<button type=\"submit\">Complete onboarding</button>\n</form>\n");
            }
        }
        if (redirect != null) {
            Exchanges.redirect(exchange, redirect);
        } else {
            Exchanges.html(exchange, 200, html);
        }
    }
}
