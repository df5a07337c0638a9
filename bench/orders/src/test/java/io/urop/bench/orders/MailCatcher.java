package io.urop.bench.orders;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fleet's SMTP server while the benchmark runs: a minimal one on a free port of 127.0.0.1 that accepts every
 * message and writes each to {@code <folder>/<n>.eml}, so that run.sh can read the invitation a KITCHEN member is
 * sent (the link that accepts it). devstack uses it instead of its embedded server when {@code UROP_SMTP_HOST} and
 * {@code UROP_SMTP_PORT} name it. Plain SMTP only: no STARTTLS and no AUTH, as the fleet's mailer is set up in
 * devstack. {@code java -cp bench/orders/target/test-classes io.urop.bench.orders.MailCatcher <folder>} prints
 * {@code listening on 127.0.0.1:<port>} once it accepts connections.
 */
public final class MailCatcher {

    private static final AtomicInteger MESSAGES = new AtomicInteger();

    private MailCatcher() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Files.createDirectories(Path.of(args[0]));
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            System.out.println("listening on 127.0.0.1:" + server.getLocalPort());
            System.out.flush();
            while (true) {
                Socket client = server.accept();
                Thread conversation = new Thread(() -> converse(client, folder), "smtp");
                conversation.setDaemon(true);
                conversation.start();
            }
        }
    }

    private static void converse(Socket client, Path folder) {
        try (client;
                BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                        StandardCharsets.ISO_8859_1));
                Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.ISO_8859_1)) {
            client.setSoTimeout(60_000);
            reply(out, "220 bench SMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() < 4 ? line.toUpperCase() : line.substring(0, 4).toUpperCase();
                switch (command) {
                    case "EHLO", "HELO" -> reply(out, "250 bench");
                    case "DATA" -> {
                        reply(out, "354 end with <CRLF>.<CRLF>");
                        StringBuilder message = new StringBuilder();
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            message.append(line.startsWith("..") ? line.substring(1) : line).append('\n');
                        }
                        save(folder, message.toString());
                        reply(out, "250 queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 OK");
                }
            }
        }
        catch (IOException e) {
            System.err.println("SMTP conversation failed: " + e);
        }
    }

    /** Written aside, then moved in place: a reader never sees half a message. */
    private static void save(Path folder, String message) throws IOException {
        int n = MESSAGES.incrementAndGet();
        Path partial = folder.resolve(n + ".partial");
        Files.writeString(partial, message, StandardCharsets.ISO_8859_1);
        Files.move(partial, folder.resolve(n + ".eml"), StandardCopyOption.ATOMIC_MOVE);
    }

    private static void reply(Writer out, String line) throws IOException {
        out.write(line + "\r\n");
        out.flush();
    }
}
