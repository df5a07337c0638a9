import { useCallback, useEffect, useState } from 'react';
import { useLocale, type Translate } from '../shared/i18n';
import { Live } from '../shared/live';
import { formatMoney } from '../shared/money';
import type { AdminApi, Location, OrderSummary } from './api';
import type { Messages } from './messages';

/** The location's latest orders, kept current by its stream. */
export function Orders({ t, api, location }: { t: Translate<Messages>; api: AdminApi; location: Location }) {
  const { language } = useLocale();
  const [orders, setOrders] = useState<OrderSummary[]>([]);
  const read = useCallback(() => api.orders(location.id).then(setOrders, () => {}), [api, location.id]);

  useEffect(() => {
    void read();
    const live = new Live({
      token: () => api.token(),
      streams: [`location:${location.id}`],
      onPush: (push) => {
        if (push.type.startsWith('order.') || push.type.startsWith('ticket.') || push.type.startsWith('payment.')) {
          void read();
        }
      },
      onConnection: (online) => online && void read(),
    }).start();
    return () => live.close();
  }, [api, location.id, read]);

  return (
    <section aria-labelledby="orders-title">
      <h1 id="orders-title">{t('orders')}</h1>
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
