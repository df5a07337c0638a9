package io.urop.webapps.pages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.core.io.ClassPathResource;

/**
 * An app's {@code index.html}, read once: the jar never changes under a running process, so its entity tag is
 * computed once too.
 */
record AppPage(String app, byte[] html, String etag) {

    static AppPage load(String app) {
        ClassPathResource index = new ClassPathResource("static/" + app + "/index.html");
        try {
            byte[] html = index.getContentAsByteArray();
            return new AppPage(app, html, "\"" + HexFormat.of().formatHex(sha256(html), 0, 16) + "\"");
        }
        catch (IOException e) {
            throw new UncheckedIOException("The " + app + " app was not built (no " + index.getPath() + ")", e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
