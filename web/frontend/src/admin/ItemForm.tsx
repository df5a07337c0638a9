import { useState, type FormEvent } from 'react';
import { allergenName } from '../shared/allergens';
import { dietaryTagName } from '../shared/dietary';
import { languages, useLocale, type Translate } from '../shared/i18n';
import type { AdminApi } from './api';
import { ALLERGENS, DIETARY_TAGS, type DraftItem, type Text } from './draft';
import { fieldsOf, invalidFields, itemOf, newGroup, newOption, newSize, PRICED_WAYS, type GroupFields, type ItemFields, type OptionFields } from './itemForm';
import type { Messages } from './messages';
import { problemMessage } from './problemMessage';

interface Props {
  t: Translate<Messages>;
  api: AdminApi;
  item: DraftItem;
  digits: number;
  currency: string;
  /** The menu's own language: the other ones are translations. */
  menuLanguage: string;
  stations: string[];
  onSave: (item: DraftItem) => void;
  onCancel: () => void;
}

/** A dish: its names, price or sizes, kitchen, picture, allergens and diets, and the choices a diner makes. */
export function ItemForm({ t, api, item, digits, currency, menuLanguage, stations, onSave, onCancel }: Props) {
  const { language } = useLocale();
  const [fields, setFields] = useState<ItemFields>(() => fieldsOf(item, digits));
  const [picture, setPicture] = useState<{ url: string | null; error: string | null }>({ url: null, error: null });
  const invalid = invalidFields(fields, digits);
  const wrong = (field: string) => invalid.includes(field);
  const change = (changed: Partial<ItemFields>) => setFields((current) => ({ ...current, ...changed }));
  const translations = languages.filter((other) => other !== menuLanguage);

  const upload = async (file: File | undefined) => {
    if (!file) {
      return;
    }
    try {
      const uploaded = await api.uploadPicture(file);
      change({ imageKey: uploaded.imageKey });
      setPicture({ url: uploaded.urls['320'] ?? Object.values(uploaded.urls)[0] ?? null, error: null });
    } catch (problem) {
      setPicture({ url: null, error: problemMessage(problem, t) });
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (invalid.length === 0 && fields.name.text.trim()) {
      onSave(itemOf(item, fields, digits));
    }
  };
  const translated = (text: Text, other: string, value: string): Text => ({ ...text, translations: { ...text.translations, [other]: value } });

  return (
    <form className="item-form" onSubmit={submit} aria-label={item.name.text || t('addItem')}>
      <label>{t('name')}<input value={fields.name.text} onInput={(e) => change({ name: { ...fields.name, text: e.currentTarget.value } })} required maxLength={120} /></label>
      <label>{t('description')}<input value={fields.description.text} onInput={(e) => change({ description: { ...fields.description, text: e.currentTarget.value } })} maxLength={500} /></label>
      <details>
        <summary>{t('translations')}</summary>
        {translations.map((other) => (
          <div key={other} className="inline">
            <label>{t('nameIn', { language: other.toUpperCase() })}<input lang={other} value={fields.name.translations?.[other] ?? ''} maxLength={120}
              onInput={(e) => change({ name: translated(fields.name, other, e.currentTarget.value) })} /></label>
            <label className="grow">{t('descriptionIn', { language: other.toUpperCase() })}<input lang={other} value={fields.description.translations?.[other] ?? ''} maxLength={500}
              onInput={(e) => change({ description: translated(fields.description, other, e.currentTarget.value) })} /></label>
          </div>
        ))}
      </details>
      {fields.sizes.length === 0 && (
        <label>{t('price', { currency })}
          <input value={fields.price} inputMode="decimal" required aria-invalid={fields.price !== '' && wrong('price')}
            onInput={(e) => change({ price: e.currentTarget.value })} />
        </label>
      )}
      {fields.price !== '' && wrong('price') && <p className="error">{t('invalidPrice')}</p>}
      <fieldset>
        <legend>{t('sizes')}</legend>
        {fields.sizes.map((row, index) => (
          <div key={row.size.id} className="inline" role="group" aria-label={t('sizeNumber', { number: index + 1 })}>
            <label>{t('sizeName')}<input value={row.name} required maxLength={60}
              onInput={(e) => change({ sizes: fields.sizes.map((s, i) => (i === index ? { ...s, name: e.currentTarget.value } : s)) })} /></label>
            <label>{t('price', { currency })}<input value={row.price} inputMode="decimal" required aria-invalid={wrong(`sizes.${index}.price`)}
              onInput={(e) => change({ sizes: fields.sizes.map((s, i) => (i === index ? { ...s, price: e.currentTarget.value } : s)) })} /></label>
            <button type="button" className="link danger" onClick={() => change({ sizes: fields.sizes.filter((_, i) => i !== index) })}>{t('removeItem')}</button>
          </div>
        ))}
        <button type="button" className="secondary" onClick={() => change({ sizes: [...fields.sizes, newSize()] })}>{t('addSize')}</button>
      </fieldset>
      <div className="inline">
        <label>{t('station')}
          <input value={fields.station} list="stations" maxLength={40} onInput={(e) => change({ station: e.currentTarget.value })} />
          <datalist id="stations">{stations.map((s) => <option key={s} value={s} />)}</datalist>
        </label>
        <label>{t('prepMinutes')}
          <input value={fields.prepMinutes} inputMode="numeric" aria-invalid={wrong('prepMinutes')} onInput={(e) => change({ prepMinutes: e.currentTarget.value })} />
        </label>
      </div>
      <div className="inline picture">
        {picture.url && <img src={picture.url} alt={t('pictureOf', { name: fields.name.text })} width={96} height={72} />}
        {!picture.url && fields.imageKey && <span className="muted">{t('hasPicture')}</span>}
        <label>{t(fields.imageKey ? 'replacePicture' : 'addPicture')}
          <input type="file" accept="image/jpeg,image/png,image/webp" onChange={(e) => void upload(e.currentTarget.files?.[0])} />
        </label>
        {fields.imageKey && <button type="button" className="link danger" onClick={() => { change({ imageKey: null }); setPicture({ url: null, error: null }); }}>
          {t('removePicture')}</button>}
        {picture.error && <p className="error" role="alert">{picture.error}</p>}
      </div>
      <Checkboxes legend={t('allergens')} codes={ALLERGENS} name={(code) => allergenName(code, language)}
        chosen={fields.allergens} onChange={(allergens) => change({ allergens })} />
      <Checkboxes legend={t('dietary')} codes={DIETARY_TAGS} name={(code) => dietaryTagName(code, language)}
        chosen={fields.dietaryTags} onChange={(dietaryTags) => change({ dietaryTags })} />
      <Choices t={t} fields={fields} currency={currency} wrong={wrong} onChange={(groups) => change({ groups })}
        onPreModifiersChange={(preModifiersAllowed) => change({ preModifiersAllowed })} />
      <div className="actions">
        <button type="submit" className="primary" disabled={invalid.length > 0 || !fields.name.text.trim()}>{t('save')}</button>
        <button type="button" className="link" onClick={onCancel}>{t('cancel')}</button>
      </div>
    </form>
  );
}

/** A choice of any number of codes (allergens, diets), each named in the dashboard's language. */
function Checkboxes({ legend, codes, name, chosen, onChange }: {
  legend: string; codes: readonly string[]; name: (code: string) => string; chosen: string[]; onChange: (chosen: string[]) => void;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {codes.map((code) => (
        <label key={code} className="check">
          <input type="checkbox" checked={chosen.includes(code)}
            onChange={() => onChange(chosen.includes(code) ? chosen.filter((c) => c !== code) : [...chosen, code])} />
          {name(code)}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * The dish's modifier groups ("Choose your side"), and whether its options may be asked for without, light, extra or on
 * the side.
 */
function Choices({ t, fields, currency, wrong, onChange, onPreModifiersChange }: {
  t: Translate<Messages>; fields: ItemFields; currency: string; wrong: (field: string) => boolean; onChange: (groups: GroupFields[]) => void;
  onPreModifiersChange: (allowed: boolean) => void;
}) {
  return (
    <fieldset>
      <legend>{t('choices')}</legend>
      <label className="check">
        <input type="checkbox" checked={fields.preModifiersAllowed} onChange={() => onPreModifiersChange(!fields.preModifiersAllowed)} />
        {t('preModifiersAllowed')}
      </label>
      <Groups t={t} fields={fields} currency={currency} wrong={wrong} groups={fields.groups} path="" nested={false} onChange={onChange} />
      <button type="button" className="secondary" onClick={() => onChange([...fields.groups, newGroup()])}>{t('addChoice')}</button>
    </fieldset>
  );
}

/**
 * Groups and their options: how many picks, how many free, each option's extra price, its price with each size where it
 * differs, the ways it may be done where the dish offers them, and (for a dish's own groups) the choices it opens in turn.
 */
function Groups({ t, fields, currency, wrong, groups, path, nested, onChange }: {
  t: Translate<Messages>; fields: ItemFields; currency: string; wrong: (field: string) => boolean;
  groups: GroupFields[]; path: string; nested: boolean; onChange: (groups: GroupFields[]) => void;
}) {
  const group = (index: number, changed: Partial<GroupFields>) => onChange(groups.map((g, i) => (i === index ? { ...g, ...changed } : g)));
  const option = (index: number, at: number, changed: Partial<OptionFields>) =>
    group(index, { options: groups[index]!.options.map((o, i) => (i === at ? { ...o, ...changed } : o)) });
  return groups.map((g, index) => {
    const groupPath = `${path}groups.${index}`;
    return (
      <fieldset key={g.group.id} className="choice-group">
        <legend>{g.name || t('choiceNumber', { number: index + 1 })}</legend>
        <div className="inline">
          <label className="grow">{t('choiceName')}<input value={g.name} required maxLength={80} onInput={(e) => group(index, { name: e.currentTarget.value })} /></label>
          <label>{t('choiceMin')}<input value={g.min} inputMode="numeric" size={3} aria-invalid={wrong(`${groupPath}.min`)} onInput={(e) => group(index, { min: e.currentTarget.value })} /></label>
          <label>{t('choiceMax')}<input value={g.max} inputMode="numeric" size={3} aria-invalid={wrong(`${groupPath}.max`)} onInput={(e) => group(index, { max: e.currentTarget.value })} /></label>
          <label>{t('choiceFree')}<input value={g.maxFree} inputMode="numeric" size={3} aria-invalid={wrong(`${groupPath}.maxFree`)} onInput={(e) => group(index, { maxFree: e.currentTarget.value })} /></label>
        </div>
        {g.options.map((o, at) => {
          const optionPath = `${groupPath}.options.${at}`;
          return (
            <div key={o.option.id} role="group" aria-label={t('optionOf', { number: at + 1, choice: g.name })}>
              <div className="inline">
                <label className="grow">{t('optionName')}<input value={o.name} required maxLength={80} onInput={(e) => option(index, at, { name: e.currentTarget.value })} /></label>
                <label>{t('optionPrice', { currency })}<input value={o.price} inputMode="decimal" aria-invalid={wrong(`${optionPath}.price`)}
                  onInput={(e) => option(index, at, { price: e.currentTarget.value })} /></label>
                <button type="button" className="link danger" onClick={() => group(index, { options: g.options.filter((_, i) => i !== at) })}>{t('removeItem')}</button>
              </div>
              {fields.sizes.length > 0 && (
                <div className="inline">
                  {fields.sizes.map(({ size, name }, s) => (
                    <label key={size.id}>{t('optionPriceWith', { size: name || t('sizeNumber', { number: s + 1 }), currency })}
                      <input value={o.sizePrices[size.id] ?? ''} placeholder={o.price} inputMode="decimal" size={6}
                        aria-invalid={wrong(`${optionPath}.sizes.${size.id}`)}
                        onInput={(e) => option(index, at, { sizePrices: { ...o.sizePrices, [size.id]: e.currentTarget.value } })} /></label>
                  ))}
                </div>
              )}
              {fields.preModifiersAllowed && (
                <div className="inline">
                  <label className="check"><input type="checkbox" checked={o.offersNo} onChange={() => option(index, at, { offersNo: !o.offersNo })} />{t('offersNo')}</label>
                  {PRICED_WAYS.map((way) => (
                    <label key={way}>{t(`way_${way}`, { currency })}
                      <input value={o.wayPrices[way]} placeholder={t('notOffered')} inputMode="decimal" size={6}
                        aria-invalid={wrong(`${optionPath}.${way}`)}
                        onInput={(e) => option(index, at, { wayPrices: { ...o.wayPrices, [way]: e.currentTarget.value } })} /></label>
                  ))}
                </div>
              )}
              {!nested && (
                <>
                  <Groups t={t} fields={fields} currency={currency} wrong={wrong} groups={o.groups} path={`${optionPath}.`} nested
                    onChange={(groups) => option(index, at, { groups })} />
                  <button type="button" className="link" onClick={() => option(index, at, { groups: [...o.groups, newGroup()] })}>
                    {t('addNestedChoice', { option: o.name || t('optionOf', { number: at + 1, choice: g.name }) })}</button>
                </>
              )}
            </div>
          );
        })}
        <div className="actions">
          <button type="button" className="secondary" onClick={() => group(index, { options: [...g.options, newOption()] })}>{t('addOption')}</button>
          <button type="button" className="link danger" onClick={() => onChange(groups.filter((_, i) => i !== index))}>{t('removeChoice')}</button>
        </div>
      </fieldset>
    );
  });
}
