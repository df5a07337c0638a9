package io.urop.menu.model;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.urop.menu.model.SelectionProblem.Code;

/**
 * Prices one order line from the menu: the authoritative price in order-service and the preview in
 * menu-service, so both always agree. The rules:
 * <ul>
 * <li>the item must be on the menu, not 86'd, and served now (its and its category's dayparts);
 * <li>an item with sizes needs one of its sizes, which sets the base price; others take none;
 * <li>every group of the item, and of each chosen option, gets between {@code min} and {@code max}
 *     picks, an option's quantity counting as that many picks; groups left out count as 0 picks;
 * <li>a {@code NO} choice removes the option: it costs 0, is not a pick, may even name a 86'd option
 *     and opens none of its nested groups;
 * <li>an option costs its delta for the chosen size (else its plain delta), replaced by the chosen
 *     pre-modifier's price; the group's {@code maxFree} picks are waived, the most expensive units
 *     first and, at equal price, the option listed first, so the result does not depend on the
 *     order the choices were sent in;
 * <li>unit price = base price + every charged choice; total = unit price × quantity; an amount
 *     that does not fit in a long makes the line invalid, it never wraps.
 * </ul>
 * All problems are collected, not just the first.
 */
public final class LinePricer {

    public static final int MAX_LINE_QUANTITY = 99;

    private LinePricer() {
    }

    /** @param localTime now, in the location's time zone (for dayparts) */
    public static PricingResult price(MenuIndex menu, Availability availability, ZonedDateTime localTime, LineSelection line) {
        List<SelectionProblem> problems = new ArrayList<>();
        if (line.quantity() < 1 || line.quantity() > MAX_LINE_QUANTITY) {
            problems.add(new SelectionProblem("quantity", Code.QUANTITY_INVALID,
                    "Quantity must be between 1 and " + MAX_LINE_QUANTITY + ", was " + line.quantity()));
        }
        Item item = menu.item(line.itemId()).orElse(null);
        if (item == null) {
            problems.add(new SelectionProblem("itemId", Code.UNKNOWN_ITEM, "No item " + line.itemId() + " on this menu"));
            return new InvalidSelection(problems);
        }
        if (!availability.isItemAvailable(item.id())) {
            problems.add(new SelectionProblem("itemId", Code.ITEM_UNAVAILABLE, label(item.name()) + " is sold out"));
        }
        if (!menu.isServedAt(item, localTime)) {
            problems.add(new SelectionProblem("itemId", Code.NOT_SERVED_NOW, label(item.name()) + " is not served at this time"));
        }
        Size size = size(item, line.sizeId(), problems);

        Selection selection = new Selection(item, size == null ? null : size.id(), availability, problems);
        List<Pick> picks = selection.level(item.modifierGroups(), line.choices(), "choices");
        if (!problems.isEmpty()) {
            return new InvalidSelection(problems);
        }
        try {
            List<PricedChoice> choices = charge(item.modifierGroups(), picks);
            long basePrice = size == null ? item.price() : size.price();
            long unitPrice = Math.addExact(basePrice, chargedTotal(choices));
            return new PricedLine(item.id(), line.sizeId(), line.quantity(), basePrice, unitPrice,
                    Math.multiplyExact(unitPrice, line.quantity()), choices);
        }
        catch (ArithmeticException e) {
            return new InvalidSelection(List.of(new SelectionProblem("", Code.PRICE_OVERFLOW, "The price of this line is too large")));
        }
    }

    private static Size size(Item item, UUID sizeId, List<SelectionProblem> problems) {
        if (!item.hasSizes()) {
            if (sizeId != null) {
                problems.add(new SelectionProblem("sizeId", Code.SIZE_NOT_EXPECTED, label(item.name()) + " has no sizes"));
            }
            return null;
        }
        if (sizeId == null) {
            problems.add(new SelectionProblem("sizeId", Code.SIZE_REQUIRED, "Choose a size of " + label(item.name())));
            return null;
        }
        Size size = item.size(sizeId).orElse(null);
        if (size == null) {
            problems.add(new SelectionProblem("sizeId", Code.UNKNOWN_SIZE, label(item.name()) + " has no size " + sizeId));
        }
        return size;
    }

    /** A choice resolved against the menu; {@code counts} when it is a pick toward min and max. */
    private record Pick(int groupIndex, int optionIndex, ModifierOption option, OptionChoice choice,
                        long unitPrice, boolean counts, List<Pick> nested) {
    }

    /** First pass: resolves choices and collects every problem, computing no amounts yet. */
    private static final class Selection {

        private final Item item;
        private final UUID sizeId;
        private final Availability availability;
        private final List<SelectionProblem> problems;
        private final Set<UUID> nestedGroupIds = new HashSet<>();

        Selection(Item item, UUID sizeId, Availability availability, List<SelectionProblem> problems) {
            this.item = item;
            this.sizeId = sizeId;
            this.availability = availability;
            this.problems = problems;
            for (ModifierGroup group : item.modifierGroups()) {
                for (ModifierOption option : group.options()) {
                    option.modifierGroups().forEach(nested -> nestedGroupIds.add(nested.id()));
                }
            }
        }

        List<Pick> level(List<ModifierGroup> groups, List<OptionChoice> choices, String path) {
            List<Pick> picks = new ArrayList<>();
            Set<List<UUID>> seen = new HashSet<>();
            for (int i = 0; i < choices.size(); i++) {
                Pick pick = pick(groups, choices.get(i), path + "[" + i + "]", seen);
                if (pick != null) {
                    picks.add(pick);
                }
            }
            for (int g = 0; g < groups.size(); g++) {
                ModifierGroup group = groups.get(g);
                int groupIndex = g;
                long count = picks.stream().filter(p -> p.groupIndex() == groupIndex && p.counts())
                        .mapToLong(p -> p.choice().quantity()).sum();
                String groupPath = path + "[groupId=" + group.id() + "]";
                if (count < group.min()) {
                    problems.add(new SelectionProblem(groupPath, Code.TOO_FEW,
                            "Choose at least " + group.min() + " in " + label(group.name()) + ", chosen " + count));
                }
                if (count > group.max()) {
                    problems.add(new SelectionProblem(groupPath, Code.TOO_MANY,
                            "Choose at most " + group.max() + " in " + label(group.name()) + ", chosen " + count));
                }
            }
            return picks;
        }

        private Pick pick(List<ModifierGroup> groups, OptionChoice choice, String path, Set<List<UUID>> seen) {
            int groupIndex = indexOfGroup(groups, choice.groupId());
            if (groupIndex < 0) {
                boolean misplaced = nestedGroupIds.contains(choice.groupId());
                problems.add(new SelectionProblem(path + ".groupId",
                        misplaced ? Code.NESTED_CHOICE_WITHOUT_PARENT : Code.UNKNOWN_GROUP,
                        misplaced ? "Group " + choice.groupId() + " belongs under an option that is not chosen here"
                                : "No group " + choice.groupId() + " here"));
                return null;
            }
            ModifierGroup group = groups.get(groupIndex);
            int optionIndex = indexOfOption(group.options(), choice.optionId());
            if (optionIndex < 0) {
                problems.add(new SelectionProblem(path + ".optionId", Code.UNKNOWN_OPTION,
                        label(group.name()) + " has no option " + choice.optionId()));
                return null;
            }
            ModifierOption option = group.options().get(optionIndex);
            if (!seen.add(List.of(group.id(), option.id()))) {
                problems.add(new SelectionProblem(path + ".optionId", Code.DUPLICATE_CHOICE,
                        label(option.name()) + " is chosen twice in " + label(group.name()) + "; send it once with a quantity"));
                return null;
            }
            PreModifier preModifier = choice.preModifier();
            boolean removal = preModifier == PreModifier.NO;
            if (preModifier != null && !(item.preModifiersAllowed() && option.preModifiers().containsKey(preModifier))) {
                problems.add(new SelectionProblem(path + ".preModifier", Code.PRE_MODIFIER_NOT_ALLOWED,
                        preModifier + " is not offered for " + label(option.name())));
            }
            boolean quantityValid = removal
                    ? choice.quantity() == 1
                    : choice.quantity() >= 1 && choice.quantity() <= option.maxQuantity();
            if (!quantityValid) {
                problems.add(new SelectionProblem(path + ".quantity", Code.OPTION_QUANTITY_INVALID, removal
                        ? "Removing " + label(option.name()) + " takes quantity 1, was " + choice.quantity()
                        : label(option.name()) + " can be taken 1 to " + option.maxQuantity() + " times, was " + choice.quantity()));
            }
            if (!removal && !availability.isOptionAvailable(option.id())) {
                problems.add(new SelectionProblem(path + ".optionId", Code.OPTION_UNAVAILABLE, label(option.name()) + " is sold out"));
            }
            List<Pick> nested = List.of();
            if (removal) {
                for (int j = 0; j < choice.choices().size(); j++) {
                    problems.add(new SelectionProblem(path + ".choices[" + j + "].groupId", Code.NESTED_CHOICE_WITHOUT_PARENT,
                            "Nothing can be chosen under " + label(option.name()) + " when it is removed"));
                }
            }
            else {
                nested = level(option.modifierGroups(), choice.choices(), path + ".choices");
            }
            long unitPrice = option.priceFor(sizeId, preModifier);
            return new Pick(groupIndex, optionIndex, option, choice, unitPrice, !removal && quantityValid, nested);
        }
    }

    /** Second pass, on a valid selection only: free picks and charges, in menu order. */
    private static List<PricedChoice> charge(List<ModifierGroup> groups, List<Pick> picks) {
        Map<Pick, Integer> free = new IdentityHashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            int groupIndex = g;
            int remaining = groups.get(g).maxFree();
            List<Pick> mostExpensiveFirst = picks.stream()
                    .filter(p -> p.groupIndex() == groupIndex && p.counts())
                    .sorted(Comparator.comparingLong(Pick::unitPrice).reversed().thenComparingInt(Pick::optionIndex))
                    .toList();
            for (Pick pick : mostExpensiveFirst) {
                int waived = Math.min(remaining, pick.choice().quantity());
                free.put(pick, waived);
                remaining -= waived;
            }
        }
        List<PricedChoice> priced = new ArrayList<>();
        picks.stream()
                .sorted(Comparator.comparingInt(Pick::groupIndex).thenComparingInt(Pick::optionIndex))
                .forEach(pick -> {
                    OptionChoice choice = pick.choice();
                    int freeQuantity = free.getOrDefault(pick, 0);
                    long charged = Math.multiplyExact(pick.unitPrice(), (long) choice.quantity() - freeQuantity);
                    priced.add(new PricedChoice(choice.groupId(), choice.optionId(), choice.quantity(), choice.preModifier(),
                            pick.unitPrice(), freeQuantity, charged, charge(pick.option().modifierGroups(), pick.nested())));
                });
        return priced;
    }

    private static long chargedTotal(List<PricedChoice> choices) {
        long total = 0;
        for (PricedChoice choice : choices) {
            total = Math.addExact(total, Math.addExact(choice.charged(), chargedTotal(choice.choices())));
        }
        return total;
    }

    private static int indexOfGroup(List<ModifierGroup> groups, UUID groupId) {
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i).id().equals(groupId)) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOfOption(List<ModifierOption> options, UUID optionId) {
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).id().equals(optionId)) {
                return i;
            }
        }
        return -1;
    }

    private static String label(LocalizedText name) {
        return name == null || name.text() == null ? "(unnamed)" : "\"" + name.text() + "\"";
    }
}
