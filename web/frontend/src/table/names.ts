import type { Translate } from '../shared/i18n';
import type { LineChoice } from './api';
import type { DinerMenu, Group } from './menu';
import type { Messages } from './messages';

/**
 * Names in the diner's language for what the cart and orders name in the menu's own language (order-service keeps the
 * names its copy of the menu has): dishes, sizes and options by their ids, the server's name where the menu shown has
 * no such id any more.
 */
export class Names {
  private readonly byId = new Map<string, string>();

  constructor(menu: DinerMenu | null) {
    for (const item of menu?.categories.flatMap((category) => category.items) ?? []) {
      this.byId.set(item.id, item.name);
      item.sizes.forEach((size) => this.byId.set(size.id, size.name));
      this.addOptions(item.modifierGroups);
    }
  }

  of(id: string | null, fallback: string | null): string {
    return (id !== null ? this.byId.get(id) : undefined) ?? fallback ?? '';
  }

  choices(choices: LineChoice[], t: Translate<Messages>): string {
    return choices.map((choice) => {
      const name = this.of(choice.optionId, choice.name);
      const how = choice.preModifier ? `${t(`pre_${choice.preModifier}` as keyof Messages)} ${name}` : name;
      const nested = choice.choices.length > 0 ? ` (${this.choices(choice.choices, t)})` : '';
      return (choice.quantity > 1 ? `${choice.quantity}× ` : '') + how + nested;
    }).join(', ');
  }

  private addOptions(groups: Group[]): void {
    for (const group of groups) {
      for (const option of group.options) {
        this.byId.set(option.id, option.name);
        this.addOptions(option.modifierGroups);
      }
    }
  }
}
