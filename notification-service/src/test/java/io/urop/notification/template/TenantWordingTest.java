package io.urop.notification.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.urop.contracts.Role;
import io.urop.notification.NotificationServiceTest;
import io.urop.test.tokens.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** A restaurant's owner words its messages its own way, checked before they are kept, seen by no other tenant. */
class TenantWordingTest extends NotificationServiceTest {

    private final UUID tenant = UUID.randomUUID();

    @Autowired
    private RestTestClient http;

    @Test
    void anOwnerSeesEveryMessageItMayWordAndReplacesOneThenGoesBack() {
        String all = list(owner(tenant));
        assertThat(JsonPath.<List<String>>read(all, "$[?(@.kind == 'order-ready' && @.channel == 'sms')].language"))
                .containsExactly("en", "fr", "de", "es");
        assertThat(JsonPath.<List<String>>read(all, "$[*].kind")).doesNotContain("password-reset", "signup-attempted");
        assertThat(JsonPath.<List<String>>read(all, "$[?(@.kind == 'receipt' && @.language == 'de')].subject"))
                .containsExactly("Ihre Quittung von {{restaurant}}");

        word(owner(tenant), "order-ready/sms/fr", Map.of("body", "{{restaurant}} : commande {{reference}} prête !"))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.custom").isEqualTo(true)
                .jsonPath("$.variables[0]").isEqualTo("collect");
        assertThat(JsonPath.<List<String>>read(list(owner(tenant)),
                "$[?(@.kind == 'order-ready' && @.channel == 'sms' && @.language == 'fr')].body"))
                .containsExactly("{{restaurant}} : commande {{reference}} prête !");
        assertThat(JsonPath.<List<Boolean>>read(list(owner(UUID.randomUUID())),
                "$[?(@.kind == 'order-ready' && @.channel == 'sms' && @.language == 'fr')].custom"))
                .containsExactly(false);

        http.delete().uri("/api/v1/notifications/templates/order-ready/sms/fr")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + owner(tenant)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.custom").isEqualTo(false);
        assertThat(JsonPath.<List<Boolean>>read(list(owner(tenant)),
                "$[?(@.kind == 'order-ready' && @.channel == 'sms' && @.language == 'fr')].custom"))
                .containsExactly(false);
    }

    @Test
    void aWordingThatNamesWhatTheMessageDoesNotHaveOrIsNotATemplateIsRefusedAndNothingKept() {
        String refused = word(owner(tenant), "receipt/email/en", Map.of("subject", "Receipt", "body",
                "Hello {{firstName}}")).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(JsonPath.<String>read(refused, "$.errors[0].field")).isEqualTo("body");
        assertThat(JsonPath.<String>read(refused, "$.errors[0].message")).contains("{{firstName}}", "restaurant");

        word(owner(tenant), "receipt/email/en", Map.of("subject", "Receipt", "body", "{{#lines}}unclosed"))
                .expectStatus().isBadRequest();
        word(owner(tenant), "receipt/email/en", Map.of("subject", "Receipt", "body",
                "{{#lines}}{{#lines}}{{name}}{{/lines}}{{/lines}}")).expectStatus().isBadRequest();
        word(owner(tenant), "receipt/email/en", Map.of("subject", "Receipt", "body",
                "{{#taxIncluded}}{{#lines}}{{#tip}}x{{/tip}}{{/lines}}{{/taxIncluded}}")).expectStatus().isBadRequest();
        word(owner(tenant), "receipt/email/en", Map.of("subject", "Receipt", "body", "{{restaurant.class}}"))
                .expectStatus().isBadRequest();
        word(owner(tenant), "receipt/email/en", Map.of("body", "Thanks")).expectStatus().isBadRequest();
        word(owner(tenant), "order-ready/sms/en", Map.of("subject", "SMS have none", "body", "Ready"))
                .expectStatus().isBadRequest();
        word(owner(tenant), "order-ready/sms/en", Map.of("body", "x".repeat(1601))).expectStatus().isBadRequest();
        word(owner(tenant), "order-ready/pigeon/en", Map.of("body", "Ready")).expectStatus().isNotFound();
        word(owner(tenant), "receipt/sms/en", Map.of("body", "Ready")).expectStatus().isNotFound();
        word(owner(tenant), "receipt/email/it", Map.of("subject", "Ricevuta", "body", "Grazie"))
                .expectStatus().isNotFound();
        word(owner(tenant), "password-reset/email/en", Map.of("subject", "Reset", "body", "{{link}}"))
                .expectStatus().isNotFound();
        word(TestTokens.user(tenant, Role.STAFF).sign(), "receipt/email/en", Map.of("subject", "R", "body", "Thanks"))
                .expectStatus().isForbidden();

        assertThat(JsonPath.<List<Boolean>>read(list(owner(tenant)), "$[*].custom")).doesNotContain(true);
    }

    private RestTestClient.ResponseSpec word(String token, String template, Map<String, String> wording) {
        return http.put().uri("/api/v1/notifications/templates/" + template)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).body(wording).exchange();
    }

    private String list(String token) {
        return http.get().uri("/api/v1/notifications/templates").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    private static String owner(UUID tenant) {
        return TestTokens.user(tenant, Role.OWNER).sign();
    }
}
