import type { Push } from '../shared/live';
import type { DinerMenu, Group } from './menu';

/**
 * Whether a menu read after a push already shows what the push announced: the version published, a dish or choice
 * sold out or back. A menu read a moment too early (menu-service's caches catch up in moments) is read again.
 */
export function showsPush(menu: DinerMenu, push: Push): boolean {
  switch (push.type) {
    case 'menu.published':
      return typeof push.data.version !== 'number' || menu.version >= push.data.version;
    case 'menu.availability-changed': {
      const shown = availabilityOf(menu, String(push.data.targetId));
      return shown === undefined || shown === Boolean(push.data.available);
    }
    case 'order.item-sold-out':
      return availabilityOf(menu, String(push.data.itemId)) !== true;
    default:
      return true;
  }
}

/** Whether the dish or choice of that id is available in the menu, or undefined where the menu does not show it. */
function availabilityOf(menu: DinerMenu, id: string): boolean | undefined {
  for (const item of menu.categories.flatMap((category) => category.items)) {
    if (item.id === id) {
      return item.available;
    }
    const option = findOption(item.modifierGroups, id);
    if (option !== undefined) {
      return option;
    }
  }
  return undefined;
}

function findOption(groups: Group[], id: string): boolean | undefined {
  for (const option of groups.flatMap((group) => group.options)) {
    if (option.id === id) {
      return option.available;
    }
    const nested = findOption(option.modifierGroups, id);
    if (nested !== undefined) {
      return nested;
    }
  }
  return undefined;
}
