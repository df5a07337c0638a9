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
    /** A version never changes once published: its index is built once, not per order. */
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
        MenuSnapshot served = menus.servedAt(location.id())
                .orElseThrow(() -> new ConflictException("This location has no menu to order from yet"));
        MenuIndex menu = indexes.get(served.menuId() + "/" + served.version(), key -> MenuIndex.of(served));
        Availability availability = availabilities.at(location.id());
        ZonedDateTime localTime = ZonedDateTime.now(clock.withZone(location.timeZone()));

        List<LineDraft> drafts = new ArrayList<>();
        List<Map<String, String>> errors = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            RequestedLine line = lines.get(i);
            PricingResult result = LinePricer.price(menu, availability, localTime, line.selection());
            if (result instanceof PricedLine priced) {
                drafts.add(draft(menu.item(line.itemId()).orElseThrow(), line, priced));
            }
            else if (result instanceof InvalidSelection invalid) {
                String prefix = "lines[" + i + "]";
                invalid.problems().forEach(problem -> errors.add(Map.of(
                        "field", problem.path().isEmpty() ? prefix : prefix + "." + problem.path(),
                        "code", problem.code().name(), "message", problem.message())));
            }
        }
        if (!errors.isEmpty()) {
            throw new UnorderableLines(errors);
        }
        return new PricedLines(served.menuId(), served.version(), served.currency(), drafts);
    }

    private static LineDraft draft(Item item, RequestedLine line, PricedLine priced) {
        String sizeName = item.size(line.sizeId()).map(Size::name).map(MenuPricing::text).orElse(null);
        List<String> allergens = item.allergens().stream().map(Enum::name).toList();
        return new LineDraft(item.id(), line.sizeId(), text(item.name()), sizeName, item.station(), item.prepMinutes(),
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
