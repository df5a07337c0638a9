package io.urop.order.pricing;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.urop.menu.model.Availability;
import io.urop.menu.model.InvalidSelection;
import io.urop.menu.model.Item;
import io.urop.menu.model.LinePricer;
import io.urop.menu.model.LocalizedText;
import io.urop.menu.model.MenuIndex;
import io.urop.menu.model.MenuSnapshot;
import io.urop.menu.model.ModifierGroup;
import io.urop.menu.model.ModifierOption;
import io.urop.menu.model.PricedChoice;
import io.urop.menu.model.PricedLine;
import io.urop.menu.model.PricingResult;
import io.urop.menu.model.Size;
import io.urop.order.location.Location;
import io.urop.order.menu.Availabilities;
import io.urop.order.menu.MenuCopies;
import io.urop.web.ConflictException;

import org.springframework.stereotype.Component;

/**
 * Prices order lines from the menu version the location serves now, with libs/menu-model's {@link LinePricer}: what
 * the location ran out of and the dayparts at this moment in the location's time zone apply. Nothing the client says
 * about prices is read.
 */
@Component
public class MenuPricing {

    private final MenuCopies menus;
    private final Availabilities availabilities;
    private final Clock clock;
    /** A version never changes once published: it is read and indexed once, not per order. */
    private final Cache<String, MenuIndex> indexes = Caffeine.newBuilder().maximumSize(256).build();

    MenuPricing(MenuCopies menus, Availabilities availabilities, Clock clock) {
        this.menus = menus;
        this.availabilities = availabilities;
        this.clock = clock;
    }

    /**
     * @throws UnorderableLines 400 listing every line that cannot be ordered as sent
     * @throws ConflictException 409 when the location serves no menu yet
     */
    public PricedLines price(Location location, List<RequestedLine> lines) {
        MenuIndex menu = served(location);
        List<LinePreview> previews = preview(menu, location, lines);
        List<Map<String, String>> errors = new ArrayList<>();
        for (int i = 0; i < previews.size(); i++) {
            String prefix = "lines[" + i + "]";
            previews.get(i).problems().forEach(problem -> errors.add(Map.of(
                    "field", problem.path().isEmpty() ? prefix : prefix + "." + problem.path(),
                    "code", problem.code().name(), "message", problem.message())));
        }
        if (!errors.isEmpty()) {
            throw new UnorderableLines(errors);
        }
        MenuSnapshot served = menu.snapshot();
        return new PricedLines(served.menuId(), served.version(), served.currency(),
                previews.stream().map(LinePreview::draft).toList());
    }

    /**
     * Each line priced on its own, as a cart shows it: a line that cannot be ordered now (sold out since it was
     * added, not served at this hour) says why instead of failing the others.
     *
     * @throws ConflictException 409 when the location serves no menu yet
     */
    public List<LinePreview> preview(Location location, List<RequestedLine> lines) {
        return preview(served(location), location, lines);
    }

    private List<LinePreview> preview(MenuIndex menu, Location location, List<RequestedLine> lines) {
        Availability availability = availabilities.at(location.id());
        ZonedDateTime localTime = ZonedDateTime.now(clock.withZone(location.timeZone()));
        List<LinePreview> previews = new ArrayList<>();
        for (RequestedLine line : lines) {
            PricingResult result = LinePricer.price(menu, availability, localTime, line.selection());
            if (result instanceof PricedLine priced) {
                Item item = menu.item(line.itemId()).orElseThrow();
                previews.add(new LinePreview(draft(item, menu.stationOf(item), line, priced), List.of()));
            }
            else {
                previews.add(new LinePreview(null, ((InvalidSelection) result).problems()));
            }
        }
        return previews;
    }

    /** The version the location serves, read and indexed once per version, not per order. */
    private MenuIndex served(Location location) {
        MenuCopies.VersionRef served = menus.servedVersionAt(location.id())
                .orElseThrow(() -> new ConflictException("This location has no menu to order from yet"));
        return indexes.get(served.menuId() + "/" + served.version(),
                key -> MenuIndex.of(menus.version(served.menuId(), served.version()).orElseThrow()));
    }

    private static LineDraft draft(Item item, String station, RequestedLine line, PricedLine priced) {
        String sizeName = item.size(line.sizeId()).map(Size::name).map(MenuPricing::text).orElse(null);
        List<String> allergens = item.allergens().stream().map(Enum::name).toList();
        return new LineDraft(item.id(), line.sizeId(), text(item.name()), sizeName, station, item.prepMinutes(),
                priced.quantity(),
                priced.unitPrice(), priced.total(), choices(item.modifierGroups(), priced.choices()),
                Set.copyOf(allergens), line.note(), line.course());
    }

    private static List<LineChoice> choices(List<ModifierGroup> groups, List<PricedChoice> priced) {
        List<LineChoice> choices = new ArrayList<>();
        for (PricedChoice choice : priced) {
            ModifierOption option = groups.stream().filter(group -> group.id().equals(choice.groupId())).findFirst()
                    .flatMap(group -> group.option(choice.optionId())).orElseThrow();
            choices.add(new LineChoice(choice.groupId(), choice.optionId(), text(option.name()), choice.quantity(),
                    choice.preModifier(), choice.unitPrice(), choice.charged(), option.station(),
                    choices(option.modifierGroups(), choice.choices())));
        }
        return choices;
    }

    private static String text(LocalizedText text) {
        return text == null ? null : text.text();
    }
}
