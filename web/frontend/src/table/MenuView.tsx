import { useMemo, useState } from 'react';
import { formatMoney } from '../shared/money';
import { allergenName } from '../shared/allergens';
import { dietaryTagName } from '../shared/dietary';
import { useLocale, type Translate } from '../shared/i18n';
import type { DinerMenu, Item } from './menu';
import type { Messages } from './messages';

const DIETS = ['VEGETARIAN', 'VEGAN', 'GLUTEN_FREE'] as const;
const COMMON_ALLERGENS = ['CEREALS_CONTAINING_GLUTEN', 'MILK', 'EGGS', 'NUTS', 'PEANUTS', 'FISH', 'CRUSTACEANS', 'SOYBEANS', 'SESAME', 'CELERY', 'MUSTARD', 'SULPHITES', 'LUPIN', 'MOLLUSCS'] as const;

interface Props {
  menu: DinerMenu;
  locale: string;
  t: Translate<Messages>;
  onOpen: (item: Item) => void;
}

/** The menu by category, filtered by diet and by the allergens a diner avoids. */
export function MenuView({ menu, locale, t, onOpen }: Props) {
  const { language } = useLocale();
  const [diets, setDiets] = useState<string[]>([]);
  const [avoided, setAvoided] = useState<string[]>([]);
  const toggle = (list: string[], value: string) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

  const categories = useMemo(() => menu.categories
    .map((category) => ({
      ...category,
      items: category.items.filter((item) => diets.every((diet) => item.dietaryTags.includes(diet))
        && !item.allergens.some((allergen) => avoided.includes(allergen))),
    }))
    .filter((category) => category.items.length > 0), [menu, diets, avoided]);

  return (
    <>
      <nav className="categories" aria-label={t('menu')}>
        {categories.map((category) => <a key={category.id} href={`#c-${category.id}`}>{category.name}</a>)}
      </nav>
      <details className="filters">
        <summary>{t('filters')}{diets.length + avoided.length > 0 ? ` (${diets.length + avoided.length})` : ''}</summary>
        <div className="chips" role="group" aria-label={t('filters')}>
          {DIETS.map((diet) => (
            <button key={diet} type="button" className="chip" aria-pressed={diets.includes(diet)} onClick={() => setDiets(toggle(diets, diet))}>
              {dietaryTagName(diet, language)}
            </button>
          ))}
        </div>
        <div className="chips" role="group" aria-label={t('avoid')}>
          <span className="muted">{t('avoid')}:</span>
          {COMMON_ALLERGENS.map((allergen) => (
            <button key={allergen} type="button" className="chip" aria-pressed={avoided.includes(allergen)} onClick={() => setAvoided(toggle(avoided, allergen))}>
              {allergenName(allergen, language)}
            </button>
          ))}
        </div>
      </details>
      {categories.map((category) => (
        <section key={category.id} id={`c-${category.id}`} aria-labelledby={`h-${category.id}`}>
          <h2 id={`h-${category.id}`}>{category.name}</h2>
          {category.description && <p className="muted">{category.description}</p>}
          <ul className="items">
            {category.items.map((item) => (
              <li key={item.id}>
                <button type="button" className="item" onClick={() => onOpen(item)} disabled={!item.available}>
                  <span className="item-text">
                    <strong>{item.name}</strong>
                    {item.description && <span className="muted">{item.description}</span>}
                    <span className="tags">
                      {item.dietaryTags.map((tag) => <span key={tag} className="tag">{dietaryTagName(tag, language)}</span>)}
                      {item.allergens.length > 0 && (
                        <span className="allergen-line">{t('contains', { allergens: item.allergens.map((a) => allergenName(a, language)).join(', ') })}</span>
                      )}
                    </span>
                    <span className="price">
                      {item.available ? formatMoney(item.sizes.length > 0 ? Math.min(...item.sizes.map((s) => s.price)) : item.price, menu.currency, locale) : t('soldOut')}
                    </span>
                  </span>
                  {item.image && (
                    <img src={item.image['320']} srcSet={Object.entries(item.image).map(([width, url]) => `${url} ${width}w`).join(', ')}
                      sizes="96px" width={96} height={96} alt="" loading="lazy" decoding="async" />
                  )}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
