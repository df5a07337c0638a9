package io.urop.notification.sms;

/** The SMS API could not take a message now (busy, down, or refusing the account): worth retrying. */
class SmsNotSentException extends RuntimeException {

    SmsNotSentException(String message) {
        super(message);
    }
}
