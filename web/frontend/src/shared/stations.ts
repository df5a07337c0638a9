/** A menu document, or any part of it, as far as stations go: a station is whatever name the menu gives it. */
export interface Stationed {
  station?: string | null;
  items?: Stationed[];
  modifierGroups?: { options: Stationed[] }[];
  categories?: Stationed[];
}

/** The stations menus send dishes to (a category's, a dish's, or an option's own), sorted. */
export function stationsOf(menus: Stationed[]): string[] {
  const stations = new Set<string>();
  const collect = (part: Stationed) => {
    if (part.station) {
      stations.add(part.station);
    }
    [...(part.categories ?? []), ...(part.items ?? []), ...(part.modifierGroups ?? []).flatMap((group) => group.options)].forEach(collect);
  };
  menus.forEach(collect);
  return [...stations].sort();
}
