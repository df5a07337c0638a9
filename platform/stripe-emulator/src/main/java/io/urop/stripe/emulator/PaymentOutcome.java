package io.urop.stripe.emulator;

/** What paying a checkout session with a card did. */
public enum PaymentOutcome {
    /** Paid: the session is complete and its payment intent succeeded. */
    SUCCEEDED,
    /** The card was declined (or its 3-D Secure challenge failed); the session stays open for another card. */
    DECLINED,
    /** The card asks for a 3-D Secure challenge, answered with complete or fail. */
    REQUIRES_ACTION,
    /** Not a test card this emulator knows, or the form was incomplete; nothing was attempted. */
    INCORRECT_NUMBER,
    /** The session is expired or already paid; nothing was charged. */
    NOT_OPEN
}
