import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { Translate } from '../shared/i18n';
import type { AdminApi, Area, Location, Table } from './api';
import type { Messages } from './messages';

/** The location's areas and tables, each table's QR code to show or download, and a printable sheet of them all. */
export function Tables({ t, api, location }: { t: Translate<Messages>; api: AdminApi; location: Location }) {
  const [areas, setAreas] = useState<Area[]>([]);
  const [tables, setTables] = useState<Table[]>([]);
  const [codes, setCodes] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);

  const read = useCallback(async () => {
    setAreas(await api.areas(location.id));
    setTables(await api.tables(location.id));
  }, [api, location.id]);
  useEffect(() => {
    read().catch(() => setError(t('tryAgain')));
  }, [read, t]);

  const run = async (action: () => Promise<unknown>) => {
    try {
      await action();
      await read();
    } catch {
      setError(t('tryAgain'));
    }
  };
  const showCode = async (table: Table) => {
    try {
      const url = await api.file(`/api/v1/tables/${table.id}/qr-code.png?size=320`);
      setCodes((current) => ({ ...current, [table.id]: url }));
    } catch {
      setError(t('tryAgain'));
    }
  };
  const printSheet = async () => {
    try {
      window.open(await api.file(`/api/v1/tables/qr-sheet.pdf?locationId=${location.id}`), '_blank', 'noopener');
    } catch {
      setError(t('tryAgain'));
    }
  };

  return (
    <section aria-labelledby="tables-title">
      <header className="section-header">
        <h1 id="tables-title">{t('tables')}</h1>
        {tables.length > 0 && <button type="button" className="secondary" onClick={() => void printSheet()}>{t('printSheet')}</button>}
      </header>
      {error && <p className="error" role="alert">{error}</p>}
      {areas.map((area) => (
        <section key={area.id} className="category" aria-labelledby={`a-${area.id}`}>
          <h2 id={`a-${area.id}`}>{area.name}</h2>
          <ul className="tiles">
            {tables.filter((table) => table.areaId === area.id).map((table) => (
              <li key={table.id} className="tile">
                <strong>{table.name}</strong>
                <span className="muted">{table.seats} · {t('seats')}</span>
                {codes[table.id]
                  ? <a href={codes[table.id]} download={`${table.name}.png`}><img src={codes[table.id]} width={160} height={160} alt={t('qrCode', { table: table.name })} /></a>
                  : <button type="button" className="link" onClick={() => void showCode(table)}>{t('showQr')}</button>}
              </li>
            ))}
          </ul>
          <NewTable t={t} onAdd={(name, seats) => run(() => api.createTable(location.id, area.id, name, seats))} />
        </section>
      ))}
      <NewArea t={t} onAdd={(name) => run(() => api.createArea(location.id, name))} />
    </section>
  );
}

function NewArea({ t, onAdd }: { t: Translate<Messages>; onAdd: (name: string) => Promise<void> }) {
  const [name, setName] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void onAdd(name.trim()).then(() => setName(''));
  };
  return (
    <form className="inline" onSubmit={submit}>
      <label>{t('areaName')}<input value={name} onChange={(event) => setName(event.target.value)} required maxLength={80} /></label>
      <button type="submit" className="secondary">{t('addArea')}</button>
    </form>
  );
}

function NewTable({ t, onAdd }: { t: Translate<Messages>; onAdd: (name: string, seats: number) => Promise<void> }) {
  const [name, setName] = useState('');
  const [seats, setSeats] = useState(4);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void onAdd(name.trim(), seats).then(() => setName(''));
  };
  return (
    <form className="inline" onSubmit={submit}>
      <label>{t('tableName')}<input value={name} onChange={(event) => setName(event.target.value)} required maxLength={80} /></label>
      <label>{t('seats')}<input type="number" min={1} max={99} value={seats} onChange={(event) => setSeats(Number(event.target.value))} /></label>
      <button type="submit" className="secondary">{t('addTable')}</button>
    </form>
  );
}
