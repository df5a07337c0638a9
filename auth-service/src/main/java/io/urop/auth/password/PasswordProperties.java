package io.urop.auth.password;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Password resets ({@code urop.auth.password-reset.*}).
 *
 * @param url      the staff app's page where a new password is chosen; the token is appended
 * @param validFor how long an emailed reset link works
 */
@ConfigurationProperties("urop.auth.password-reset")
public record PasswordProperties(@DefaultValue("http://localhost:8080/password-reset/") URI url,
        @DefaultValue("30m") Duration validFor) {
}
