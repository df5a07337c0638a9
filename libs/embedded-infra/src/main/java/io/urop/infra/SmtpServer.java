package io.urop.infra;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;

/**
 * An SMTP server (GreenMail) on a free port of 127.0.0.1 that keeps every message it receives, each in the mailbox of
 * its recipient, which IMAP on another free port reads (login and password: the address itself).
 */
public final class SmtpServer implements AutoCloseable {

    private final GreenMail greenMail;
    private final int port;
    private final int imapPort;

    private SmtpServer(GreenMail greenMail, int port, int imapPort) {
        this.greenMail = greenMail;
        this.port = port;
        this.imapPort = imapPort;
    }

    public static SmtpServer start() {
        int port = FreePorts.next();
        int imapPort = FreePorts.next();
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(port, FreePorts.LOOPBACK, ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, FreePorts.LOOPBACK, ServerSetup.PROTOCOL_IMAP)});
        greenMail.start();
        return new SmtpServer(greenMail, port, imapPort);
    }

    public String host() {
        return FreePorts.LOOPBACK;
    }

    public int port() {
        return port;
    }

    /** Where the mailboxes are read over IMAP, each with its address as login and password. */
    public int imapPort() {
        return imapPort;
    }

    /** Opens a mailbox before its first message, so that IMAP can log in to it already (as the address). */
    public void createMailbox(String address) {
        greenMail.setUser(address, address, address);
    }

    public List<MimeMessage> receivedMessages() {
        return List.of(greenMail.getReceivedMessages());
    }

    /** Waits until at least {@code count} messages have been received in total; false on timeout. */
    public boolean awaitMessages(int count, Duration timeout) {
        return greenMail.waitForIncomingEmail(timeout.toMillis(), count);
    }

    /** Forgets every message received so far, e.g. between tests sharing the server. */
    public void clear() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            throw new IllegalStateException("Cannot purge the received messages", e);
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
