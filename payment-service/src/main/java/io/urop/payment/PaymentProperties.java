package io.urop.payment;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where payment-service sends people back to once Stripe is done with them.
 *
 * @param dinerAppUrl the diner app ({@code /table}): a diner returns there from Stripe's checkout page
 * @param adminAppUrl the owner dashboard ({@code /admin}): an owner returns there from Stripe's onboarding
 */
@ConfigurationProperties("urop.payments")
public record PaymentProperties(
        @DefaultValue("http://localhost:8080/table") URI dinerAppUrl,
        @DefaultValue("http://localhost:8080/admin") URI adminAppUrl) {

    public String dinerPage(String path) {
        return join(dinerAppUrl, path);
    }

    public String adminPage(String path) {
        return join(adminAppUrl, path);
    }

    private static String join(URI base, String path) {
        return base.toString().replaceAll("/+$", "") + path;
    }
}
