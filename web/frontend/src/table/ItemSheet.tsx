import { useEffect, useRef, useState } from 'react';
import { formatMoney } from '../shared/money';
import { allergenName } from '../shared/allergens';
import { useLocale, type Translate } from '../shared/i18n';
import type { Choice, Group, Item, PreModifier } from './menu';
import { defaultChoices, optionPrice, unitPrice, unmetGroups } from './pricing';
import type { NewLine } from './api';
import type { Messages } from './messages';

interface Props {
  item: Item;
  currency: string;
  locale: string;
  t: Translate<Messages>;
  guestName: string;
  onAdd: (line: NewLine) => Promise<void>;
  onClose: () => void;
}

/** A dish opened from the menu: its size, its choices, how many, a note; the price as the kitchen's bill will say. */
export function ItemSheet({ item, currency, locale, t, guestName, onAdd, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const { language } = useLocale();
  const [sizeId, setSizeId] = useState<string | null>(item.sizes[0]?.id ?? null);
  const [choices, setChoices] = useState<Choice[]>(() => defaultChoices(item.modifierGroups));
  const [quantity, setQuantity] = useState(1);
  const [note, setNote] = useState('');
  const [name, setName] = useState(guestName);
  const [adding, setAdding] = useState(false);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const unmet = unmetGroups(item.modifierGroups, choices);
  const total = unitPrice(item, sizeId, choices) * quantity;
  const money = (minor: number) => formatMoney(minor, currency, locale);

  const add = async () => {
    setAdding(true);
    try {
      await onAdd({ itemId: item.id, sizeId, quantity, choices, note: note.trim() || null, guestName: name.trim() || null });
    } finally {
      setAdding(false);
    }
  };

  return (
    <dialog ref={dialog} className="sheet" aria-labelledby="sheet-title" onClose={onClose}>
      <form method="dialog" className="sheet-body" onSubmit={(event) => { event.preventDefault(); void add(); }}>
        <header className="sheet-header">
          <h2 id="sheet-title">{item.name}</h2>
          <button type="button" className="icon" aria-label={t('close')} onClick={() => dialog.current?.close()}>×</button>
        </header>
        {item.description && <p className="muted">{item.description}</p>}
        {item.allergens.length > 0 && (
          <p className="allergens" role="note">
            {t('contains', { allergens: item.allergens.map((a) => allergenName(a, language)).join(', ') })}
          </p>
        )}
        {item.sizes.length > 0 && (
          <fieldset>
            <legend>{item.sizes.length > 1 ? t('choose', { count: 1 }) : item.sizes[0]?.name}</legend>
            {item.sizes.map((size) => (
              <label key={size.id} className="choice">
                <input type="radio" name="size" checked={sizeId === size.id} onChange={() => setSizeId(size.id)} />
                <span>{size.name}</span>
                <span className="price">{money(size.price)}</span>
              </label>
            ))}
          </fieldset>
        )}
        {item.modifierGroups.map((group) => (
          <GroupPicker key={group.id} group={group} choices={choices} onChange={setChoices} sizeId={sizeId} money={money} t={t}
            preModifiers={item.preModifiersAllowed} />
        ))}
        <label className="field">
          <span>{t('note')}</span>
          <input value={note} maxLength={200} onChange={(event) => setNote(event.target.value)} />
        </label>
        <label className="field">
          <span>{t('yourName')}</span>
          <input value={name} maxLength={40} autoComplete="given-name" onChange={(event) => setName(event.target.value)} />
        </label>
        <div className="stepper" role="group" aria-label={t('quantity')}>
          <button type="button" aria-label={t('less')} disabled={quantity <= 1} onClick={() => setQuantity(quantity - 1)}>−</button>
          <output aria-live="polite">{quantity}</output>
          <button type="button" aria-label={t('more')} disabled={quantity >= 99} onClick={() => setQuantity(quantity + 1)}>+</button>
        </div>
        {unmet.length > 0 && <p className="hint">{t('stillToChoose', { groups: unmet.map((g) => g.name).join(', ') })}</p>}
        <button type="submit" className="primary wide" disabled={unmet.length > 0 || adding || !item.available}>
          {t('addToOrder', { quantity, price: money(total) })}
        </button>
      </form>
    </dialog>
  );
}

interface GroupProps {
  group: Group;
  /** Whether the dish takes "no", "light", "extra", "on the side" on the options that price them. */
  preModifiers: boolean;
  choices: Choice[];
  onChange: (choices: Choice[]) => void;
  sizeId: string | null;
  money: (minor: number) => string;
  t: Translate<Messages>;
}

function rule(group: Group, t: Translate<Messages>): string {
  if (group.min === group.max) {
    return t('choose', { count: group.min });
  }
  return group.min === 0 ? t('chooseUpTo', { count: group.max }) : t('chooseBetween', { min: group.min, max: group.max });
}

function GroupPicker({ group, choices, onChange, sizeId, money, t, preModifiers }: GroupProps) {
  const single = group.max === 1;
  const mine = choices.filter((choice) => choice.groupId === group.id);
  const others = choices.filter((choice) => choice.groupId !== group.id);
  const set = (next: Choice[]) => onChange([...others, ...next]);

  return (
    <fieldset>
      <legend>
        {group.name} <span className="muted">· {rule(group, t)}{group.maxFree > 0 ? ` · ${t('free', { count: group.maxFree })}` : ''}</span>
      </legend>
      {group.options.map((option) => {
        const chosen = mine.find((choice) => choice.optionId === option.id);
        const price = optionPrice(option, { preModifier: null }, sizeId);
        const toggle = () => {
          if (single) {
            set([{ groupId: group.id, optionId: option.id, quantity: 1, preModifier: null, choices: defaultChoices(option.modifierGroups) }]);
          } else if (chosen) {
            set(mine.filter((choice) => choice !== chosen));
          } else {
            set([...mine, { groupId: group.id, optionId: option.id, quantity: 1, preModifier: null, choices: defaultChoices(option.modifierGroups) }]);
          }
        };
        const update = (change: Partial<Choice>) =>
          set(mine.map((choice) => (choice === chosen ? { ...choice, ...change } : choice)));
        const setQuantity = (quantity: number) => update({ quantity });
        const ways = preModifiers ? (Object.keys(option.preModifiers) as PreModifier[]) : [];
        return (
          <div key={option.id} className="option">
            <label className="choice">
              <input type={single ? 'radio' : 'checkbox'} name={group.id} checked={chosen !== undefined}
                disabled={!option.available} onChange={toggle} />
              <span>{option.name}{!option.available && <em className="sold-out"> · {t('soldOut')}</em>}</span>
              {price !== 0 && <span className="price">+{money(price)}</span>}
            </label>
            {chosen && ways.length > 0 && (
              <select className="how" aria-label={t('how', { option: option.name })} value={chosen.preModifier ?? ''}
                onChange={(event) => update({ preModifier: (event.target.value || null) as PreModifier | null, quantity: 1, choices: [] })}>
                <option value="">{t('regular')}</option>
                {ways.map((way) => (
                  <option key={way} value={way}>
                    {t(`pre_${way}` as keyof Messages)}{way !== 'NO' && option.preModifiers[way] ? ` +${money(option.preModifiers[way])}` : ''}
                  </option>
                ))}
              </select>
            )}
            {chosen && chosen.preModifier !== 'NO' && option.maxQuantity > 1 && (
              <div className="stepper small" role="group" aria-label={`${option.name}: ${t('quantity')}`}>
                <button type="button" aria-label={t('less')} disabled={chosen.quantity <= 1} onClick={() => setQuantity(chosen.quantity - 1)}>−</button>
                <output>{chosen.quantity}</output>
                <button type="button" aria-label={t('more')} disabled={chosen.quantity >= option.maxQuantity} onClick={() => setQuantity(chosen.quantity + 1)}>+</button>
              </div>
            )}
            {chosen && chosen.preModifier !== 'NO' && option.modifierGroups.map((nested) => (
              <div key={nested.id} className="nested">
                <GroupPicker group={nested} choices={chosen.choices} sizeId={sizeId} money={money} t={t} preModifiers={preModifiers}
                  onChange={(nestedChoices) => set(mine.map((choice) => (choice === chosen ? { ...choice, choices: nestedChoices } : choice)))} />
              </div>
            ))}
          </div>
        );
      })}
    </fieldset>
  );
}
