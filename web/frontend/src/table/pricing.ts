import type { Choice, Group, Item, Option } from './menu';

/**
 * The price of one unit of a line, exactly as order-service prices it (libs/menu-model LinePricer): the size's price
 * or the item's, plus each chosen option's charge; in each group the first maxFree units, most expensive first, are
 * free. The phone shows what the kitchen's bill will say.
 */
export function unitPrice(item: Item, sizeId: string | null, choices: Choice[]): number {
  const size = sizeId === null ? undefined : item.sizes.find((candidate) => candidate.id === sizeId);
  const base = size ? size.price : item.price;
  return base + charged(item.modifierGroups, choices, sizeId);
}

function charged(groups: Group[], choices: Choice[], sizeId: string | null): number {
  let sum = 0;
  for (const group of groups) {
    const units: { price: number; order: number; quantity: number }[] = [];
    for (const choice of choices.filter((candidate) => candidate.groupId === group.id)) {
      const order = group.options.findIndex((option) => option.id === choice.optionId);
      const option = group.options[order];
      if (!option || choice.preModifier === 'NO') {
        continue;
      }
      units.push({ price: optionPrice(option, choice, sizeId), order, quantity: choice.quantity });
      // a nested choice is charged once, whatever the quantity of the option it belongs to
      sum += charged(option.modifierGroups, choice.choices, sizeId);
    }
    units.sort((a, b) => b.price - a.price || a.order - b.order);
    let free = group.maxFree;
    for (const unit of units) {
      const freeHere = Math.min(free, unit.quantity);
      free -= freeHere;
      sum += (unit.quantity - freeHere) * unit.price;
    }
  }
  return sum;
}

/** One unit of an option: its pre-modifier's price, else its delta for the chosen size, else its delta. */
export function optionPrice(option: Option, choice: Pick<Choice, 'preModifier'>, sizeId: string | null): number {
  if (choice.preModifier === 'NO') {
    return 0;
  }
  if (choice.preModifier !== null) {
    const price = option.preModifiers[choice.preModifier];
    if (price !== undefined) {
      return price;
    }
  }
  if (sizeId !== null && option.sizePriceDeltas[sizeId] !== undefined) {
    return option.sizePriceDeltas[sizeId];
  }
  return option.priceDelta;
}

/** Picks counted against a group's min and max: every choice but a NO counts its quantity. */
export function picks(group: Group, choices: Choice[]): number {
  return choices
    .filter((choice) => choice.groupId === group.id && choice.preModifier !== 'NO')
    .reduce((count, choice) => count + choice.quantity, 0);
}

/** The groups whose picks are outside their min and max, nested groups of chosen options included. */
export function unmetGroups(groups: Group[], choices: Choice[]): Group[] {
  const unmet: Group[] = [];
  for (const group of groups) {
    const count = picks(group, choices);
    if (count < group.min || count > group.max) {
      unmet.push(group);
    }
    for (const choice of choices.filter((candidate) => candidate.groupId === group.id)) {
      const option = group.options.find((candidate) => candidate.id === choice.optionId);
      if (option && option.modifierGroups.length > 0) {
        unmet.push(...unmetGroups(option.modifierGroups, choice.choices));
      }
    }
  }
  return unmet;
}

/** What a diner starts from: the options the restaurant preselects (that are available). */
export function defaultChoices(groups: Group[]): Choice[] {
  return groups.flatMap((group) =>
    group.options
      .filter((option) => option.isDefault && option.available)
      .map((option) => ({ groupId: group.id, optionId: option.id, quantity: 1, preModifier: null, choices: defaultChoices(option.modifierGroups) })),
  );
}
