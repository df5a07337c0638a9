import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { allergenName } from '../shared/allergens';
import { useLocale, type Translate } from '../shared/i18n';
import { formatMoney, fractionDigits } from '../shared/money';
import { ApiProblem } from '../shared/problem';
import { stationsOf } from '../shared/stations';
import type { AdminApi, Location, Menu, MenuChange, Revision, Version } from './api';
import { Changes } from './Changes';
import { withCategory, withItem, withoutItem, type DraftItem } from './draft';
import { ItemForm } from './ItemForm';
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
  const [unpublished, setUnpublished] = useState<MenuChange[] | null>(null);
  const [shown, setShown] = useState<{ version: number; changes: MenuChange[] } | null>(null);

  const load = useCallback(async (found: Menu) => {
    setRevision(await api.draft(found.id));
    setVersions(await api.versions(found.id));
  }, [api]);

  // what publishing would change, read again whenever the draft or the versions do
  useEffect(() => {
    const latest = versions[0]?.version;
    if (!menu || latest === undefined) {
      setUnpublished(null);
      return;
    }
    let current = true;
    api.changes(menu.id, latest).then((changes) => current && setUnpublished(changes), () => {});
    return () => { current = false; };
  }, [api, menu, versions, revision]);

  const showChanges = async (version: number) => {
    if (menu) {
      setShown(shown?.version === version ? null : { version, changes: await api.changes(menu.id, version - 1, version) });
    }
  };

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
      const live = await api.restore(menu.id, version);
      await load(menu);
      setNotice(t('restored', { version, live: live.version }));
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
  const stations = stationsOf([draft]);
  return (
    <section aria-labelledby="menu-title" className="editor">
      <header className="section-header">
        <h1 id="menu-title">{menu.name}</h1>
        <button type="button" className="primary" onClick={() => void publish()}>{t('publish')}</button>
      </header>
      {notice && <p className="notice" role="status">{notice}</p>}
      {unpublished && (
        <section className="category" aria-labelledby="unpublished-title">
          <h2 id="unpublished-title">{t('changesToPublish')}</h2>
          {unpublished.length === 0 ? <p className="muted">{t('noChanges')}</p> : <Changes t={t} changes={unpublished} label={t('changesToPublish')} />}
        </section>
      )}
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
            ? <ItemForm t={t} api={api} item={editing.item} digits={digits} currency={draft.currency} menuLanguage={draft.defaultLanguage} stations={stations}
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
                <span className="grow">v{version.version} · {new Date(version.publishedAt).toLocaleString(language)}
                  {shown?.version === version.version && <Changes t={t} changes={shown.changes} label={t('changesOfVersion', { version: version.version })} />}
                </span>
                {version.version > 1 && (
                  <button type="button" className="link" aria-expanded={shown?.version === version.version}
                    aria-label={t('changesOfVersion', { version: version.version })} onClick={() => void showChanges(version.version)}>{t('showChanges')}</button>
                )}
                <button type="button" className="link" aria-label={t('restoreVersion', { version: version.version })}
                  onClick={() => void restore(version.version)}>{t('restore')}</button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}

/** A dish sold in sizes is priced by size, not by its own price. */
function sizesOf(item: DraftItem): { price: number }[] {
  return item.sizes ?? [];
}

function newItem(station: string): DraftItem {
  return { id: crypto.randomUUID(), name: { text: '' }, price: 0, station, allergens: [], dietaryTags: [] };
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
