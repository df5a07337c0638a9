package io.urop.sms.capture;

import java.util.Map;
import java.util.Optional;

/**
 * An error as Twilio's API answers it: the HTTP status, and Twilio's own code and message. The numbers Twilio's test
 * credentials treat specially are refused here the same way.
 */
record Refusal(int status, int code, String message) {

    private static final Map<String, Refusal> TEST_NUMBERS = Map.of(
            "+15005550001", new Refusal(400, 21211, "The 'To' number +15005550001 is not a valid phone number."),
            "+15005550002", new Refusal(400, 21612, "The 'To' phone number: +15005550002, is not currently "
                    + "reachable using the 'From' phone number via SMS."),
            "+15005550004", new Refusal(400, 21610, "Attempt to send to unsubscribed recipient"),
            "+15005550009", new Refusal(400, 21614, "'To' number is not a valid mobile number"));

    static Refusal authentication() {
        return new Refusal(401, 20003, "Authenticate");
    }

    static Refusal missingTo() {
        return new Refusal(400, 21604, "A 'To' phone number is required.");
    }

    static Refusal missingFrom() {
        return new Refusal(400, 21603, "A 'From' or 'MessagingServiceSid' parameter is required.");
    }

    static Refusal missingBody() {
        return new Refusal(400, 21602, "Message body is required.");
    }

    static Refusal unavailable(int status) {
        return new Refusal(status, status == 429 ? 20429 : 20500,
                status == 429 ? "Too Many Requests" : "Service unavailable, try again");
    }

    /** A number that is not E.164, or one of Twilio's test numbers that is refused. */
    static Optional<Refusal> ofRecipient(String to) {
        if (!to.matches("\\+[1-9][0-9]{6,14}")) {
            return Optional.of(new Refusal(400, 21211, "The 'To' number " + to + " is not a valid phone number."));
        }
        return Optional.ofNullable(TEST_NUMBERS.get(to));
    }

    String moreInfo() {
        return "https://www.twilio.com/docs/errors/" + code;
    }
}
