package io.urop.payment.account;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.urop.contracts.Role;
import io.urop.events.payment.MerchantAccountChanged;
import io.urop.payment.PaymentServiceTest;
import io.urop.test.TopicReader;
import io.urop.test.tokens.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class AccountTest extends PaymentServiceTest {

    @Test
    void theOwnerConnectsOneStripeAccountAndWhetherItTakesPaymentsIsAnnouncedAsStripeDecides() {
        String owner = member(Role.OWNER);
        String manager = member(Role.MANAGER);
        assertThat((Boolean) JsonPath.read(body(call(manager, http.get().uri("/api/v1/payments/account"))),
                "$.connected")).isFalse();
        call(manager, http.post().uri("/api/v1/payments/account/onboarding-links")).expectStatus().isForbidden();
        call(member(Role.STAFF), http.get().uri("/api/v1/payments/account")).expectStatus().isForbidden();

        String first = body(call(owner, http.post().uri("/api/v1/payments/account/onboarding-links")));
        assertThat((String) JsonPath.read(first, "$.url")).startsWith(STRIPE.baseUrl());
        String account = JsonPath.read(body(call(owner, http.get().uri("/api/v1/payments/account"))),
                "$.stripeAccountId");
        String again = body(call(owner, http.post().uri("/api/v1/payments/account/onboarding-links")));
        assertThat((String) JsonPath.read(again, "$.url")).as("a fresh link").isNotEqualTo(JsonPath.read(first, "$.url"));
        assertThat((String) JsonPath.read(body(call(owner, http.get().uri("/api/v1/payments/account"))),
                "$.stripeAccountId")).as("to the same account").isEqualTo(account);

        String connected = connectedAccount();
        assertThat(connected).isEqualTo(account);
        List<MerchantAccountChanged> announced = TopicReader.await(bootstrap, "payment.events",
                r -> r.value().contains(account) && "payment.merchant-account-changed".equals(codec.decode(r.value()).type()),
                2, Duration.ofSeconds(20)).stream()
                .map(r -> codec.payload(codec.decode(r.value()), MerchantAccountChanged.class)).toList();
        assertThat(announced).extracting(MerchantAccountChanged::takesPayments).containsExactly(false, true);
        assertThat(announced).extracting(MerchantAccountChanged::tenantId).containsOnly(tenant);
    }

    @Test
    void onlyAPlatformAdministratorSetsARestaurantsOwnFeeAndItsCheckoutsChargeIt() {
        String admin = TestTokens.platformAdmin().subject("ops@urop.example").sign();
        String fees = "/api/v1/payments/application-fees/" + tenant;
        assertThat((Integer) JsonPath.read(body(call(admin, http.get().uri(fees))), "$.basisPoints")).isEqualTo(200);
        call(member(Role.OWNER), http.put().uri(fees).contentType(MediaType.APPLICATION_JSON)
                .body("{\"basisPoints\": 0}")).expectStatus().isForbidden();
        call(admin, http.put().uri(fees).contentType(MediaType.APPLICATION_JSON).body("{\"basisPoints\": 3001}"))
                .expectStatus().isBadRequest();
        call(admin, http.put().uri(fees).contentType(MediaType.APPLICATION_JSON).body("{\"basisPoints\": 500}"))
                .expectStatus().isOk();

        connectedAccount();
        Diner diner = diner();
        UUID order = orderToPay(diner, 2000);
        checkoutOnceKnown(diner, order, null);
        assertThat(SUPERUSER.queryForObject("select application_fee from payments where order_id = ?", Long.class,
                order)).as("5 % of 20.00").isEqualTo(100);

        call(admin, http.delete().uri(fees)).expectStatus().isNoContent();
        assertThat((Boolean) JsonPath.read(body(call(admin, http.get().uri(fees))), "$.platformDefault")).isTrue();
    }
}
