package io.urop.notification.delivery;

/** Hands a channel's messages to its server (SMTP, the SMS API). */
public interface Courier {

    Channel channel();

    /**
     * @return the server's id of the message (an email's {@code Message-ID}, an SMS's {@code sid})
     * @throws RecipientRefusedException when the server refuses the recipient for good
     * @throws RuntimeException          when it cannot take the message now (unreachable, busy): worth retrying
     */
    String send(Message message);
}
