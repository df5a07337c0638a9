package io.urop.menu.model;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static io.urop.menu.model.Fixtures.WEDNESDAY_NOON;
import static io.urop.menu.model.Fixtures.category;
import static io.urop.menu.model.Fixtures.daypart;
import static io.urop.menu.model.Fixtures.item;
import static io.urop.menu.model.Fixtures.menu;
import static org.assertj.core.api.Assertions.assertThat;

class OrderabilityTest {

    private final Daypart dinner = daypart("Dinner", LocalTime.of(18, 0), LocalTime.of(22, 0), DayOfWeek.WEDNESDAY);
    private final Item soup = item("Soup").build();
    private final Item steak = item("Steak").servedDuring(dinner).build();
    private final Item wine = item("Wine").build();
    private final Category drinks = category("Drinks").servedDuring(dinner).items(wine).build();
    private final MenuIndex menu = menu().dayparts(dinner)
            .categories(category("Mains").items(soup, steak).build(), drinks).index();
    private final ZonedDateTime evening = WEDNESDAY_NOON.withHour(19);

    @Test
    void anAvailableItemInItsDaypartIsOrderable() {
        assertThat(Orderability.of(menu, Availability.ALL_AVAILABLE, WEDNESDAY_NOON, soup.id())).isEqualTo(Orderability.ORDERABLE);
        assertThat(Orderability.of(menu, Availability.ALL_AVAILABLE, evening, steak.id()).orderable()).isTrue();
    }

    @Test
    void an86dItemIsUnavailable() {
        Availability noSoup = new Availability(Set.of(soup.id()), Set.of());

        assertThat(Orderability.of(menu, noSoup, WEDNESDAY_NOON, soup.id())).isEqualTo(Orderability.UNAVAILABLE);
        assertThat(Orderability.of(menu, noSoup, WEDNESDAY_NOON, soup.id()).orderable()).isFalse();
    }

    @Test
    void anItemOutsideItsDaypartOrItsCategorysIsNotServedNow() {
        assertThat(Orderability.of(menu, Availability.ALL_AVAILABLE, WEDNESDAY_NOON, steak.id())).isEqualTo(Orderability.NOT_SERVED_NOW);
        assertThat(Orderability.of(menu, Availability.ALL_AVAILABLE, WEDNESDAY_NOON, wine.id())).isEqualTo(Orderability.NOT_SERVED_NOW);
        assertThat(Orderability.of(menu, Availability.ALL_AVAILABLE, evening, wine.id())).isEqualTo(Orderability.ORDERABLE);
    }

    @Test
    void theServingWindowIsReportedBeforeThe86() {
        Availability noSteak = new Availability(Set.of(steak.id()), Set.of());

        assertThat(Orderability.of(menu, noSteak, WEDNESDAY_NOON, steak.id())).isEqualTo(Orderability.NOT_SERVED_NOW);
        assertThat(Orderability.of(menu, noSteak, evening, steak.id())).isEqualTo(Orderability.UNAVAILABLE);
    }

    @Test
    void anItemOfAnotherMenuIsUnknown() {
        assertThat(Orderability.of(menu, Availability.ALL_AVAILABLE, WEDNESDAY_NOON, UUID.randomUUID())).isEqualTo(Orderability.UNKNOWN_ITEM);
        assertThat(menu.isServedAt(item("Elsewhere").build(), WEDNESDAY_NOON)).isFalse();
    }

    @Test
    void aDaypartTheMenuDoesNotHaveNeverServes() {
        Item orphan = item("Orphan").servedDuring(UUID.randomUUID()).build();
        MenuIndex menu = menu().items(orphan).index();

        assertThat(Orderability.of(menu, Availability.ALL_AVAILABLE, WEDNESDAY_NOON, orphan.id())).isEqualTo(Orderability.NOT_SERVED_NOW);
    }

    @Test
    void aCategoryCanBeAskedWhetherItIsServed() {
        assertThat(menu.isServedAt(drinks, WEDNESDAY_NOON)).isFalse();
        assertThat(menu.isServedAt(drinks, evening)).isTrue();
    }

    @Test
    void theIndexFindsItemsTheirCategoryAndDayparts() {
        Item[] items = IntStream.range(0, 400).mapToObj(i -> item("Item " + i).build()).toArray(Item[]::new);
        Category big = category("Everything").items(items).build();
        MenuIndex index = menu().dayparts(dinner).categories(big).index();

        assertThat(items).allSatisfy(item -> {
            assertThat(index.item(item.id())).containsSame(item);
            assertThat(index.categoryOf(item.id())).containsSame(big);
        });
        assertThat(index.item(UUID.randomUUID())).isEmpty();
        assertThat(index.item(null)).isEmpty();
        assertThat(index.daypart(dinner.id())).contains(dinner);
        assertThat(index.snapshot().categories()).containsExactly(big);
    }
}
