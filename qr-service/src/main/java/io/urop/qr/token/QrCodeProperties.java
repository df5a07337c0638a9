package io.urop.qr.token;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The printed codes ({@code urop.qr.codes.*}).
 *
 * @param scanBaseUrl what a code opens, before its token: the gateway's public {@code /q/} path
 */
@ConfigurationProperties("urop.qr.codes")
public record QrCodeProperties(@DefaultValue("http://localhost:8080/q/") URI scanBaseUrl) {

    public URI scanUrl(String token) {
        String base = scanBaseUrl.toString();
        return URI.create(base.endsWith("/") ? base + token : base + "/" + token);
    }
}
