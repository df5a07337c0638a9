import { useCallback, useEffect, useState } from 'react';
import { useLocale, type Translate } from '../shared/i18n';
import { useLive } from '../shared/useLive';
import type { AdminApi, Location, OrderSummary } from './api';
import type { Messages } from './messages';
import { OrderDetails } from './OrderDetails';
import { OrderRows } from './OrderRows';
import { PastOrders } from './PastOrders';

interface Call {
  id: string;
  tableName: string;
  guestName: string | null;
  reason: 'WAITER' | 'BILL';
  at: string;
}

/** The location's orders: the latest, live, with the tables calling for staff; or past ones, looked up by day. */
export function Orders({ t, api, location }: { t: Translate<Messages>; api: AdminApi; location: Location }) {
  const [view, setView] = useState<'live' | 'past'>('live');
  const [opened, setOpened] = useState<string | null>(null);
  return (
    <section aria-labelledby="orders-title">
      <header className="section-header">
        <h1 id="orders-title">{t('orders')}</h1>
        <div className="actions" role="group" aria-label={t('orders')}>
          {(['live', 'past'] as const).map((name) => (
            <button key={name} type="button" className={view === name ? 'primary' : 'secondary'} aria-pressed={view === name}
              onClick={() => setView(name)}>{t(name === 'live' ? 'liveOrders' : 'pastOrders')}</button>
          ))}
        </div>
      </header>
      {view === 'live'
        ? <LiveOrders t={t} api={api} location={location} onOpen={setOpened} />
        : <PastOrders t={t} api={api} location={location} onOpen={setOpened} />}
      {opened && <OrderDetails t={t} api={api} orderId={opened} timeZone={location.details.timeZone} onClose={() => setOpened(null)} />}
    </section>
  );
}

function LiveOrders({ t, api, location, onOpen }: {
  t: Translate<Messages>; api: AdminApi; location: Location; onOpen: (orderId: string) => void;
}) {
  const { language } = useLocale();
  const [orders, setOrders] = useState<OrderSummary[]>([]);
  const [calls, setCalls] = useState<Call[]>([]);
  const read = useCallback(() => api.orders(location.id).then(setOrders, () => {}), [api, location.id]);

  const reread = () => void read();
  const online = useLive([`location:${location.id}`], {
    token: () => api.token(),
    onPush: (push) => {
      if (push.type === 'table.assistance-requested') {
        const { eventId, tableName, guestName, reason, requestedAt } = push.data as Record<string, string>;
        setCalls((current) => [...current, { id: String(eventId), tableName: String(tableName), guestName: guestName ?? null,
          reason: reason === 'BILL' ? 'BILL' : 'WAITER', at: String(requestedAt) }]);
      }
      if (push.type.startsWith('order.') || push.type.startsWith('ticket.') || push.type.startsWith('payment.')) {
        reread();
      }
    },
    onConnected: reread,
  });
  useEffect(reread, [read]);

  return (
    <>
      <p className={online ? 'live' : 'muted'} role="status">{online ? t('live') : t('reconnecting')}</p>
      {calls.length > 0 && (
        <section className="calls" aria-labelledby="calls-title">
          <h2 id="calls-title">{t('callsTitle')}</h2>
          <ul className="rows">
            {calls.map((call) => (
              <li key={call.id} className="row" data-testid="call">
                <span className="grow"><strong>{call.tableName}</strong> {t(call.reason === 'BILL' ? 'callForBill' : 'callForWaiter')}
                  {call.guestName && <span className="muted"> · {call.guestName}</span>}
                  <span className="muted"> · {new Date(call.at).toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit', timeZone: location.details.timeZone })}</span>
                </span>
                <button type="button" className="secondary" onClick={() => setCalls((current) => current.filter((c) => c.id !== call.id))}>
                  {t('onMyWay')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {orders.length === 0 && <p className="muted">{t('noOrders')}</p>}
      <OrderRows t={t} orders={orders} timeZone={location.details.timeZone} onOpen={onOpen} />
    </>
  );
}
