import { useEffect, useState } from 'react';
import type { Translate } from '../shared/i18n';
import type { AdminApi, Location, OrderSummary, Paged } from './api';
import { plusDays, startOfDay, today } from './dates';
import type { Messages } from './messages';
import { ORDER_STATES, OrderRows, stateName } from './OrderRows';

const PAGE = 25;

/** A day's orders at the location, in its own calendar, by state or by what was ordered, page by page. */
export function PastOrders({ t, api, location, onOpen }: {
  t: Translate<Messages>; api: AdminApi; location: Location; onOpen: (orderId: string) => void;
}) {
  const zone = location.details.timeZone;
  const [day, setDay] = useState(() => today(zone));
  const [state, setState] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(0);
  const [found, setFound] = useState<Paged<OrderSummary> | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    api.pastOrders(location.id, { from: startOfDay(day, zone), to: startOfDay(plusDays(day, 1), zone), state, q, page }, PAGE)
      .then((read) => { if (current) { setFound(read); setError(null); } }, () => current && setError(t('tryAgain')));
    return () => { current = false; };
  }, [api, location.id, zone, day, state, q, page, t]);
  const refine = <T,>(set: (value: T) => void) => (value: T) => { set(value); setPage(0); };

  return (
    <>
      <form className="inline" role="search" onSubmit={(event) => {
        event.preventDefault();
        refine(setQ)(String(new FormData(event.currentTarget).get('q') ?? '').trim());
      }}>
        <label>{t('day')}<input type="date" value={day} required onChange={(event) => event.currentTarget.value && refine(setDay)(event.currentTarget.value)} /></label>
        <label>{t('stateFilter')}
          <select value={state} onChange={(event) => refine(setState)(event.currentTarget.value)}>
            <option value="">{t('anyState')}</option>
            {ORDER_STATES.map((name) => <option key={name} value={name}>{stateName(t, name)}</option>)}
          </select>
        </label>
        <label>{t('searchOrders')}<input type="search" name="q" maxLength={100} defaultValue={q} /></label>
        <button type="submit" className="secondary">{t('show')}</button>
      </form>
      {error && <p className="error" role="alert">{error}</p>}
      {found && (
        <>
          <p className="muted" role="status">{t('ordersFound', { count: found.total })}</p>
          <OrderRows t={t} orders={found.items} timeZone={zone} withDate onOpen={onOpen} />
          {found.total > PAGE && (
            <div className="actions pager">
              <button type="button" className="secondary" disabled={page === 0} onClick={() => setPage(page - 1)}>{t('newer')}</button>
              <span>{t('pageOf', { page: page + 1, pages: Math.ceil(found.total / PAGE) })}</span>
              <button type="button" className="secondary" disabled={(page + 1) * PAGE >= found.total} onClick={() => setPage(page + 1)}>{t('older')}</button>
            </div>
          )}
        </>
      )}
    </>
  );
}
