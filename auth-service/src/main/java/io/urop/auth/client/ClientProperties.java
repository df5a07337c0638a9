package io.urop.auth.client;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The fleet's service clients ({@code urop.auth.clients.<client-id>.secret}), each secret from the
 * environment. A client without a secret cannot get a token.
 */
@ConfigurationProperties("urop.auth")
record ClientProperties(@DefaultValue Map<String, Client> clients) {

    ClientProperties {
        clients = Map.copyOf(clients);
    }

    public record Client(String secret) {

        @Override
        public String toString() {
            return "Client[secret=***]";
        }
    }
}
