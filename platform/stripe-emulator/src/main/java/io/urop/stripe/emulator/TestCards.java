package io.urop.stripe.emulator;

import java.time.YearMonth;

/** Stripe's test card numbers and what paying with each of them does. */
final class TestCards {

    static final String SUCCEEDS = "4242424242424242";
    static final String DECLINED = "4000000000000002";
    static final String INSUFFICIENT_FUNDS = "4000000000009995";
    static final String REQUIRES_AUTHENTICATION = "4000002760003184";

    enum Behaviour { SUCCEEDS, DECLINED, INSUFFICIENT_FUNDS, REQUIRES_AUTHENTICATION, UNKNOWN }

    record Card(String number, int expMonth, int expYear) {

        String last4() {
            return number.substring(number.length() - 4);
        }

        String brand() {
            if (number.startsWith("4")) {
                return "visa";
            }
            if (number.startsWith("5")) {
                return "mastercard";
            }
            return number.startsWith("3") ? "amex" : "unknown";
        }

        Behaviour behaviour() {
            switch (number) {
                case SUCCEEDS:
                    return Behaviour.SUCCEEDS;
                case DECLINED:
                    return Behaviour.DECLINED;
                case INSUFFICIENT_FUNDS:
                    return Behaviour.INSUFFICIENT_FUNDS;
                case REQUIRES_AUTHENTICATION:
                    return Behaviour.REQUIRES_AUTHENTICATION;
                default:
                    return Behaviour.UNKNOWN;
            }
        }
    }

    private TestCards() {
    }

    /** Digits only, as a payer may type spaces or dashes between the groups. */
    static String normalize(String number) {
        return number == null ? "" : number.replaceAll("[\\s-]", "");
    }

    /** A card with the given number that expires at the end of next year, for payments made without a form. */
    static Card withoutExpiry(String number, YearMonth now) {
        return new Card(normalize(number), 12, now.getYear() + 1);
    }
}
