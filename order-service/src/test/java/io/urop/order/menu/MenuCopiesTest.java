package io.urop.order.menu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import io.urop.events.menu.MenuPublished;
import io.urop.menu.model.MenuSnapshot;
import io.urop.order.OrderServiceTest;
import io.urop.tenancy.TenantContext;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class MenuCopiesTest extends OrderServiceTest {

    private final UUID terrace = UUID.randomUUID();
    private final UUID bar = UUID.randomUUID();

    @Autowired
    MenuCopies copies;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void eachLocationServesTheNewestVersionOfItsMenuAndEveryVersionIsKept() {
        publish(snapshot(1, "EUR"), List.of(terrace, bar), true);
        awaitServed(terrace, 1);

        publish(snapshot(2, "EUR"), List.of(terrace), true);
        awaitServed(terrace, 2);
        // a late redelivery of the first version moves nothing back
        publish(snapshot(1, "EUR"), List.of(terrace, bar), true);
        publish(snapshot(3, "CHF"), List.of(bar), true);
        awaitServed(bar, 3);

        assertThat(asTenant(() -> copies.servedAt(terrace))).map(MenuSnapshot::version).contains(2);
        assertThat(asTenant(() -> copies.version(menu, 1))).map(MenuSnapshot::currency).contains("EUR");
        assertThat(asTenant(() -> copies.version(menu, 3))).map(MenuSnapshot::currency).contains("CHF");
    }

    @Test
    void aVersionTooLargeForItsEventIsReadFromMenuService() {
        MenuSnapshot large = snapshot(7, "GBP");
        MenuServiceStub.INSTANCE.serve("/internal/v1/tenants/%s/menus/%s/versions/7".formatted(tenant, menu),
                json.writeValueAsString(large));

        publish(large, List.of(terrace), false);

        awaitServed(terrace, 7);
        assertThat(asTenant(() -> copies.servedAt(terrace))).contains(large);
    }

    @Test
    void anotherTenantSeesNoneOfIt() {
        publish(snapshot(1, "EUR"), List.of(terrace), true);
        awaitServed(terrace, 1);

        Optional<MenuSnapshot> seen = TenantContext.callAs(UUID.randomUUID(),
                () -> new TransactionTemplate(transactions).execute(status -> copies.servedAt(terrace)));

        assertThat(seen).isEmpty();
    }

    private MenuSnapshot snapshot(int version, String currency) {
        return new MenuSnapshot(menu, tenant, version, Instant.now().truncatedTo(ChronoUnit.MILLIS), currency, "en",
                List.of(), List.of());
    }

    private void publish(MenuSnapshot snapshot, List<UUID> locations, boolean inline) {
        MenuPublished published = new MenuPublished(menu, tenant, locations, snapshot.version(),
                inline ? snapshot : null);
        kafka.send("menu.events", menu.toString(), codec.encode(codec.envelope(published, tenant, menu.toString(), null)));
    }

    private void awaitServed(UUID location, int version) {
        await().atMost(Duration.ofSeconds(30)).until(() -> asTenant(() -> copies.servedAt(location))
                .map(MenuSnapshot::version).orElse(0) == version);
    }

    private <T> T asTenant(Supplier<T> read) {
        return TenantContext.callAs(tenant, () -> new TransactionTemplate(transactions).execute(status -> read.get()));
    }
}
