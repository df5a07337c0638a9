package io.urop.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * What notification-service does with an announcement that names a link (an invitation, a password reset):
 * asks the service that made it, with notification-service's own client credentials, straight over the
 * cluster network, as links never travel in events.
 */
final class NotificationServiceClient {

    /** Given to the fleet as {@code UROP_CLIENT_SECRET_NOTIFICATION_SERVICE}. */
    static final String SECRET = "e2e-client-secret-of-notification-service";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final URI authService;
    private final URI tenantService;

    NotificationServiceClient(URI authService, URI tenantService) {
        this.authService = authService;
        this.tenantService = tenantService;
    }

    String invitationLink(String tenantId, String invitationId) {
        HttpResponse<String> reply = send(HttpRequest.newBuilder(tenantService.resolve(
                "/internal/v1/tenants/" + tenantId + "/invitations/" + invitationId + "/link"))
                .header("Authorization", "Bearer " + accessToken()).GET());
        return Gateway.JSON.readTree(reply.body()).path("url").asString();
    }

    private String accessToken() {
        String basic = Base64.getEncoder()
                .encodeToString(("notification-service:" + SECRET).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> reply = send(HttpRequest.newBuilder(authService.resolve("/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
        return Gateway.JSON.readTree(reply.body()).path("access_token").asString();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> reply = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (reply.statusCode() != 200) {
                throw new IllegalStateException(reply.request().uri() + " answered " + reply.statusCode() + " "
                        + reply.body());
            }
            return reply;
        }
        catch (IOException e) {
            throw new IllegalStateException("No answer from " + request.build().uri(), e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
