import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { allergenName } from '../shared/allergens';
import { dietaryTagName } from '../shared/dietary';
import { useLocale, type Translate } from '../shared/i18n';
import { formatAmount, formatMoney, fractionDigits, parseAmount } from '../shared/money';
import { ApiProblem } from '../shared/problem';
import type { AdminApi, Location, Menu, Revision, Version } from './api';
import { ALLERGENS, DIETARY_TAGS, stationsOf, withCategory, withItem, withoutItem, type DraftItem } from './draft';
import type { Messages } from './messages';

interface Props {
  t: Translate<Messages>;
  api: AdminApi;
  location: Location;
}

/** The location's menu as a draft: categories and dishes edited here, saved with the draft's revision, published. */
export function MenuEditor({ t, api, location }: Props) {
  const { language } = useLocale();
  const [menu, setMenu] = useState<Menu | null | undefined>(undefined);
  const [revision, setRevision] = useState<Revision | null>(null);
  const [versions, setVersions] = useState<Version[]>([]);
  const [editing, setEditing] = useState<{ categoryId: string; item: DraftItem } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async (found: Menu) => {
    setRevision(await api.draft(found.id));
    setVersions(await api.versions(found.id));
  }, [api]);

  useEffect(() => {
    api.menus(location.id).then(async (menus) => {
      const first = menus[0] ?? null;
      setMenu(first);
      if (first) {
        await load(first);
      }
    }, () => setNotice(t('tryAgain')));
  }, [api, location.id, load, t]);

  const fail = async (error: unknown) => {
    if (error instanceof ApiProblem && error.status === 412 && menu) {
      setNotice(t('stale'));
      await load(menu);
    } else {
      setNotice(error instanceof ApiProblem && error.status < 500 ? error.message : t('tryAgain'));
    }
  };

  const save = async (next: Revision['draft']) => {
    if (!menu || !revision) {
      return;
    }
    try {
      setRevision(await api.saveDraft(menu.id, { draft: next, etag: revision.etag }));
      setEditing(null);
      setNotice(t('saved'));
    } catch (error) {
      await fail(error);
    }
  };

  const publish = async () => {
    if (!menu) {
      return;
    }
    try {
      const published = await api.publish(menu.id);
      setNotice(t('published', { version: published.version }));
      setVersions(await api.versions(menu.id));
    } catch (error) {
      await fail(error);
    }
  };

  const restore = async (version: number) => {
    if (!menu) {
      return;
    }
    try {
      await api.restore(menu.id, version);
      await load(menu);
      setNotice(t('restored', { version }));
    } catch (error) {
      await fail(error);
    }
  };

  if (menu === undefined) {
    return null;
  }
  if (menu === null) {
    return <CreateMenu t={t} api={api} location={location} onCreated={(created) => { setMenu(created); void load(created); }} />;
  }
  if (!revision) {
    return null;
  }
  const draft = revision.draft;
  const digits = fractionDigits(draft.currency);
  const stations = stationsOf(draft);
  return (
    <section aria-labelledby="menu-title" className="editor">
      <header className="section-header">
        <h1 id="menu-title">{menu.name}</h1>
        <button type="button" className="primary" onClick={() => void publish()}>{t('publish')}</button>
      </header>
      {notice && <p className="notice" role="status">{notice}</p>}
      {draft.categories.map((category) => (
        <section key={category.id} className="category" aria-labelledby={`c-${category.id}`}>
          <h2 id={`c-${category.id}`}>{category.name.text}</h2>
          <ul className="rows">
            {category.items.map((item) => (
              <li key={item.id} className="row">
                <span className="grow"><strong>{item.name.text}</strong>
                  {item.allergens && item.allergens.length > 0 && <small> · {item.allergens.map((a) => allergenName(a, language)).join(', ')}</small>}
                </span>
                <span className="muted">{item.station ?? category.station}</span>
                <span className="price">{sizesOf(item).length > 0
                  ? sizesOf(item).map((size) => formatMoney(size.price, draft.currency, language)).join(' / ')
                  : formatMoney(item.price, draft.currency, language)}</span>
                <button type="button" className="link" onClick={() => setEditing({ categoryId: category.id, item })}
                  aria-label={`${t('editItem')} ${item.name.text}`}>{t('editItem')}</button>
                <button type="button" className="link danger" onClick={() => void save(withoutItem(draft, item.id))}
                  aria-label={`${t('removeItem')} ${item.name.text}`}>{t('removeItem')}</button>
              </li>
            ))}
          </ul>
          {editing?.categoryId === category.id
            ? <ItemForm t={t} item={editing.item} digits={digits} currency={draft.currency} stations={stations}
                onSave={(item) => void save(withItem(draft, category.id, item))} onCancel={() => setEditing(null)} />
            : <button type="button" className="secondary" onClick={() => setEditing({ categoryId: category.id, item: newItem(category.station ?? stations[0] ?? 'kitchen') })}
                aria-label={`${t('addItem')}: ${category.name.text}`}>{t('addItem')}</button>}
        </section>
      ))}
      <NewCategory t={t} onAdd={(name) => void save(withCategory(draft, name))} />
      {versions.length > 0 && (
        <section aria-labelledby="versions-title" className="versions">
          <h2 id="versions-title">{t('versions')}</h2>
          <ul className="rows">
            {versions.map((version) => (
              <li key={version.version} className="row">
                <span className="grow">v{version.version} · {new Date(version.publishedAt).toLocaleString(language)}</span>
                <button type="button" className="link" onClick={() => void restore(version.version)}>{t('restore')}</button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}

/** A dish sold in sizes is priced by size (edited with its sizes, in the draft's JSON), not by its own price. */
function sizesOf(item: DraftItem): { price: number }[] {
  return Array.isArray(item.sizes) ? (item.sizes as { price: number }[]) : [];
}

function newItem(station: string): DraftItem {
  return { id: crypto.randomUUID(), name: { text: '' }, price: 0, station, allergens: [], dietaryTags: [] };
}

function ItemForm({ t, item, digits, currency, stations, onSave, onCancel }: {
  t: Translate<Messages>;
  item: DraftItem;
  digits: number;
  currency: string;
  stations: string[];
  onSave: (item: DraftItem) => void;
  onCancel: () => void;
}) {
  const { language } = useLocale();
  const [name, setName] = useState(item.name.text);
  const [description, setDescription] = useState(item.description?.text ?? '');
  const [price, setPrice] = useState(item.price > 0 ? formatAmount(item.price, digits) : '');
  const [station, setStation] = useState(item.station ?? '');
  const [allergens, setAllergens] = useState<string[]>(item.allergens ?? []);
  const [dietaryTags, setDietaryTags] = useState<string[]>(item.dietaryTags ?? []);
  const bySize = sizesOf(item).length > 0;
  const amount = bySize ? item.price : parseAmount(price, digits);
  const toggle = (list: string[], value: string) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (amount === null) {
      return;
    }
    onSave({
      ...item,
      name: { ...item.name, text: name.trim() },
      description: description.trim() ? { ...(item.description ?? {}), text: description.trim() } : null,
      price: amount,
      station: station.trim() || null,
      allergens,
      dietaryTags,
    });
  };
  return (
    <form className="item-form" onSubmit={submit} aria-label={item.name.text || t('addItem')}>
      <label>{t('name')}<input value={name} onChange={(event) => setName(event.target.value)} required maxLength={120} /></label>
      <label>{t('description')}<input value={description} onChange={(event) => setDescription(event.target.value)} maxLength={500} /></label>
      {!bySize && (
        <label>{t('price', { currency })}
          <input value={price} inputMode="decimal" onChange={(event) => setPrice(event.target.value)} required
            aria-invalid={price !== '' && amount === null} />
        </label>
      )}
      {price !== '' && amount === null && <p className="error">{t('invalidPrice')}</p>}
      <label>{t('station')}
        <input value={station} list="stations" onChange={(event) => setStation(event.target.value)} maxLength={40} />
        <datalist id="stations">{stations.map((s) => <option key={s} value={s} />)}</datalist>
      </label>
      <fieldset>
        <legend>{t('allergens')}</legend>
        {ALLERGENS.map((code) => (
          <label key={code} className="check">
            <input type="checkbox" checked={allergens.includes(code)} onChange={() => setAllergens(toggle(allergens, code))} />
            {allergenName(code, language)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('dietary')}</legend>
        {DIETARY_TAGS.map((code) => (
          <label key={code} className="check">
            <input type="checkbox" checked={dietaryTags.includes(code)} onChange={() => setDietaryTags(toggle(dietaryTags, code))} />
            {dietaryTagName(code, language)}
          </label>
        ))}
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary" disabled={amount === null || !name.trim()}>{t('save')}</button>
        <button type="button" className="link" onClick={onCancel}>{t('cancel')}</button>
      </div>
    </form>
  );
}

function NewCategory({ t, onAdd }: { t: Translate<Messages>; onAdd: (name: string) => void }) {
  const [name, setName] = useState('');
  return (
    <form className="inline" onSubmit={(event) => { event.preventDefault(); if (name.trim()) { onAdd(name.trim()); setName(''); } }}>
      <label>{t('categoryName')}<input value={name} onChange={(event) => setName(event.target.value)} maxLength={120} /></label>
      <button type="submit" className="secondary">{t('addCategory')}</button>
    </form>
  );
}

function CreateMenu({ t, api, location, onCreated }: { t: Translate<Messages>; api: AdminApi; location: Location; onCreated: (menu: Menu) => void }) {
  const { language } = useLocale();
  const [name, setName] = useState('');
  const [menuLanguage, setMenuLanguage] = useState<string>(language);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      onCreated(await api.createMenu(name.trim(), location.details.currency, menuLanguage, location.id));
    } catch (failure) {
      setError(failure instanceof ApiProblem && failure.status < 500 ? failure.message : t('tryAgain'));
    }
  };
  return (
    <form className="card form" onSubmit={(event) => void submit(event)}>
      <p>{t('noMenu')}</p>
      <label>{t('menuName')}<input value={name} onChange={(event) => setName(event.target.value)} required maxLength={120} /></label>
      <label>{t('menuLanguage')}<input value={menuLanguage} onChange={(event) => setMenuLanguage(event.target.value)} required maxLength={12} /></label>
      {error && <p className="error" role="alert">{error}</p>}
      <button type="submit" className="primary">{t('newMenu')}</button>
    </form>
  );
}
