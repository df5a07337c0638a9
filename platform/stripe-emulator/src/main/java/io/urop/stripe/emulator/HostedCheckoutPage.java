package io.urop.stripe.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The page a payer is sent to ({@code session.url}): the merchant, the amount, a card form. Paying with a test card
 * redirects to {@code success_url}; a decline shows the reason and keeps the form; a 3-D Secure card shows a
 * challenge first.
 */
final class HostedCheckoutPage implements HttpHandler {

    private static final Pattern PATH = Pattern.compile("/checkout/([^/]+)(/authenticate)?");
    private static final Pattern EXPIRY = Pattern.compile("\\s*(\\d{1,2})\\s*/\\s*(\\d{2}|\\d{4})\\s*");

    private final Ledger ledger;
    private final CardPayments payments;

    HostedCheckoutPage(Ledger ledger, CardPayments payments) {
        this.ledger = ledger;
        this.payments = payments;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
        if (!path.matches()) {
            Exchanges.html(exchange, 404, Html.page("en", "Not found", "<h1>Page not found</h1>\n"));
            return;
        }
        String sessionId = path.group(1);
        boolean authentication = path.group(2) != null;
        String method = exchange.getRequestMethod();
        Params form = FormParams.parse(method.equals("POST") ? Exchanges.body(exchange) : "");
        String redirect = null;
        int status = 200;
        String html;
        synchronized (ledger) {
            CheckoutSession session = ledger.sessions.get(sessionId);
            if (session == null) {
                status = 404;
                html = Html.page("en", "Checkout", "<h1>This checkout session does not exist.</h1>\n");
            } else if (method.equals("POST") && authentication) {
                CardPayments.Result result = payments.authenticate(session, "complete".equals(form.string("result")));
                redirect = result.outcome() == PaymentOutcome.SUCCEEDED ? successUrl(session) : null;
                html = render(session, session.isOpen() ? result.message() : null);
            } else if (method.equals("POST")) {
                CardPayments.Result result = pay(session, form);
                redirect = result.outcome() == PaymentOutcome.SUCCEEDED ? successUrl(session) : null;
                html = render(session, session.isOpen() ? result.message() : null);
            } else {
                html = render(session, null);
            }
        }
        if (redirect != null) {
            Exchanges.redirect(exchange, redirect);
        } else {
            Exchanges.html(exchange, status, html);
        }
    }

    private CardPayments.Result pay(CheckoutSession session, Params form) {
        if (!session.isOpen()) {
            return new CardPayments.Result(PaymentOutcome.NOT_OPEN, null);
        }
        String number = TestCards.normalize(form.string("card_number"));
        if (!number.matches("\\d{12,19}")) {
            return invalid(number.isEmpty() ? "Your card number is incomplete." : "Your card number is incorrect.");
        }
        Matcher expiry = EXPIRY.matcher(form.string("card_expiry", ""));
        if (!expiry.matches()) {
            return invalid("Your card's expiration date is incomplete.");
        }
        int month = Integer.parseInt(expiry.group(1));
        int year = Integer.parseInt(expiry.group(2));
        year = year < 100 ? 2000 + year : year;
        if (month < 1 || month > 12) {
            return invalid("Your card's expiration month is invalid.");
        }
        if (YearMonth.of(year, month).isBefore(YearMonth.now(ledger.clock.withZone(ZoneOffset.UTC)))) {
            return invalid("Your card's expiration date is in the past.");
        }
        if (!form.string("card_cvc", "").trim().matches("\\d{3,4}")) {
            return invalid("Your card's security code is incomplete.");
        }
        return payments.pay(session, new TestCards.Card(number, month, year), form.string("cardholder_name"));
    }

    private static CardPayments.Result invalid(String message) {
        return new CardPayments.Result(PaymentOutcome.INCORRECT_NUMBER, message);
    }

    private static String successUrl(CheckoutSession session) {
        return session.successUrl.replace("{CHECKOUT_SESSION_ID}", session.id);
    }

    private String render(CheckoutSession session, String message) {
        Account merchant = session.accountId.equals(ledger.platform.id) ? ledger.platform : ledger.accounts.get(session.accountId);
        String merchantName = Html.escape(merchant.displayName());
        String amount = Html.escape(Money.format(session.amountTotal(), session.currency));
        String lang = session.locale == null || session.locale.equals("auto") ? "en" : session.locale;
        StringBuilder body = new StringBuilder();
        body.append("<h1>Pay ").append(merchantName).append("</h1>\n");
        body.append("<p>Total due: <strong id=\"amount\">").append(amount).append("</strong></p>\n<ul>\n");
        for (LineItem item : session.lineItems) {
            body.append("<li>").append(item.quantity).append(" × ").append(Html.escape(item.name)).append(" — ")
                    .append(Html.escape(Money.format(item.amount(), item.currency))).append("</li>\n");
        }
        body.append("</ul>\n");
        if (message != null) {
            body.append("<p class=\"error\" role=\"alert\">").append(Html.escape(message)).append("</p>\n");
        }
        PaymentIntent paymentIntent = session.paymentIntent;
        if (session.status.equals("expired")) {
            body.append("<p role=\"status\">This checkout session has expired. Nothing was charged.</p>\n");
        } else if (session.status.equals("complete")) {
            body.append("<p role=\"status\">This checkout session is already paid.</p>\n");
        } else if (paymentIntent != null && paymentIntent.cardAwaitingAuthentication != null) {
            body.append("<h2>3D Secure authentication</h2>\n<p>Your bank asks you to confirm this payment of ")
                    .append(amount).append(" with the card ending in ")
                    .append(paymentIntent.cardAwaitingAuthentication.last4()).append(".</p>\n")
                    .append("<form method=\"post\" action=\"/checkout/").append(session.id).append("/authenticate\">\n")
                    .append("<button type=\"submit\" name=\"result\" value=\"complete\">Complete authentication</button>\n")
                    .append("<button type=\"submit\" name=\"result\" value=\"fail\">Fail authentication</button>\n")
                    .append("</form>\n");
        } else {
            body.append("<form method=\"post\" action=\"/checkout/").append(session.id).append("\">\n")
                    .append(field("card_number", "Card number", "cc-number", "1234 1234 1234 1234", "numeric"))
                    .append(field("card_expiry", "Expiration date (MM / YY)", "cc-exp", "MM / YY", "numeric"))
                    .append(field("card_cvc", "Security code (CVC)", "cc-csc", "CVC", "numeric"))
                    .append(field("cardholder_name", "Name on card", "cc-name", "", "text"))
                    .append("<button type=\"submit\">Pay ").append(amount).append("</button>\n</form>\n");
        }
        if (session.cancelUrl != null && session.isOpen()) {
            body.append("<p><a href=\"").append(Html.escape(session.cancelUrl)).append("\">Cancel and return to ")
                    .append(merchantName).append("</a></p>\n");
        }
        return Html.page(lang, "Pay " + merchant.displayName(), body.toString());
    }

    private static String field(String name, String label, String autocomplete, String placeholder, String inputMode) {
        return "<label for=\"" + name + "\">" + label + "</label>\n<input id=\"" + name + "\" name=\"" + name
                + "\" autocomplete=\"" + autocomplete + "\" inputmode=\"" + inputMode + "\" placeholder=\""
                + placeholder + "\" required>\n";
    }
}
