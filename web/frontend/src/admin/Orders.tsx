import { useCallback, useEffect, useState } from 'react';
import { useLocale, type Translate } from '../shared/i18n';
import { formatMoney } from '../shared/money';
import { useLive } from '../shared/useLive';
import type { AdminApi, Location, OrderSummary } from './api';
import type { Messages } from './messages';

interface Call {
  id: string;
  tableName: string;
  guestName: string | null;
  reason: 'WAITER' | 'BILL';
  at: string;
}

/** The location's latest orders, kept current by its stream, and the tables calling for staff as they call. */
export function Orders({ t, api, location }: { t: Translate<Messages>; api: AdminApi; location: Location }) {
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
    <section aria-labelledby="orders-title">
      <header className="section-header">
        <h1 id="orders-title">{t('orders')}</h1>
        <span className={online ? 'live' : 'muted'} role="status">{online ? t('live') : t('reconnecting')}</span>
      </header>
      {calls.length > 0 && (
        <section className="calls" aria-labelledby="calls-title">
          <h2 id="calls-title">{t('callsTitle')}</h2>
          <ul className="rows">
            {calls.map((call) => (
              <li key={call.id} className="row" data-testid="call">
                <span className="grow"><strong>{call.tableName}</strong> {t(call.reason === 'BILL' ? 'callForBill' : 'callForWaiter')}
                  {call.guestName && <span className="muted"> · {call.guestName}</span>}
                  <span className="muted"> · {new Date(call.at).toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit' })}</span>
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
      <table className="orders">
        <tbody>
          {orders.map((order) => (
            <tr key={order.id}>
              <td>{new Date(order.placedAt).toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit' })}</td>
              <td>{order.tableName ?? '—'}</td>
              <td>{order.items.filter((item) => !item.voided).map((item) => `${item.quantity}× ${item.name}`).join(', ')}</td>
              <td><span className="state">{order.state}</span></td>
              <td className="price">{formatMoney(order.total, order.currency, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
