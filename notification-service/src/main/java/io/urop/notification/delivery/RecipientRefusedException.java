package io.urop.notification.delivery;

/**
 * A server refused a recipient for good: no such mailbox, not a valid or mobile number, unsubscribed. Trying again
 * would fail again, so it is recorded and never tried again.
 */
public class RecipientRefusedException extends RuntimeException {

    public RecipientRefusedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
