import { useEffect, useState } from 'react';
import type { Translate } from '../shared/i18n';
import type { AdminApi, Location } from './api';
import type { DraftCategory } from './draft';
import type { Messages } from './messages';

/** 86 in one tap: each dish of the location's menu, sold out or back at once for every diner and the kitchen. */
export function Availability({ t, api, location }: { t: Translate<Messages>; api: AdminApi; location: Location }) {
  const [categories, setCategories] = useState<DraftCategory[]>([]);
  const [soldOut, setSoldOut] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    (async () => {
      const [menu] = await api.menus(location.id);
      if (menu) {
        setCategories((await api.draft(menu.id)).draft.categories);
      }
      setSoldOut(await api.unavailable(location.id));
    })().catch(() => setError(t('tryAgain')));
  }, [api, location.id, t]);

  const toggle = async (id: string) => {
    const out = !soldOut.has(id);
    try {
      await api.markUnavailable(location.id, id, out);
      setSoldOut((current) => {
        const next = new Set(current);
        if (out) {
          next.add(id);
        } else {
          next.delete(id);
        }
        return next;
      });
    } catch {
      setError(t('tryAgain'));
    }
  };

  return (
    <section aria-labelledby="sold-out-title">
      <h1 id="sold-out-title">{t('soldOut')}</h1>
      {error && <p className="error" role="alert">{error}</p>}
      {categories.map((category) => (
        <section key={category.id} className="category">
          <h2>{category.name.text}</h2>
          <ul className="rows">
            {category.items.map((item) => (
              <li key={item.id} className="row">
                <span className="grow">{item.name.text}</span>
                <label className="switch">
                  <input type="checkbox" role="switch" checked={!soldOut.has(item.id)} onChange={() => void toggle(item.id)} />
                  <span>{soldOut.has(item.id) ? t('outOfStock') : t('available')}</span>
                  <span className="visually-hidden"> {item.name.text}</span>
                </label>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
