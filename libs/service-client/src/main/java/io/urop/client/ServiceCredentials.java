package io.urop.client;

/**
 * Who this service is at auth-service: {@code urop.clients.client-id} and {@code urop.clients.client-secret}, the
 * client credentials its service token is asked with. One service token serves the calls to every service, as it
 * names the caller, not the service called.
 *
 * @param clientId     its client id at auth-service; the application's name ({@code spring.application.name}) when
 *                     not given
 * @param clientSecret its secret, from the environment (a Kubernetes Secret in Helm), never from config-repo
 */
public record ServiceCredentials(String clientId, String clientSecret) {

    public ServiceCredentials {
        clientSecret = clientSecret == null ? "" : clientSecret;
    }

    ServiceCredentials orNamed(String applicationName) {
        return clientId == null || clientId.isBlank() ? new ServiceCredentials(applicationName, clientSecret) : this;
    }

    @Override
    public String toString() {
        return "ServiceCredentials[clientId=" + clientId + "]";
    }
}
