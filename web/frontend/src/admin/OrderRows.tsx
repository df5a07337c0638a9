import { useLocale, type Translate } from '../shared/i18n';
import { formatMoney } from '../shared/money';
import { referenceOf } from '../shared/reference';
import type { OrderSummary } from './api';
import type { Messages } from './messages';

/** Orders as rows, each opening its details, at the location's own time; {@code withDate} for lists that span days. */
export function OrderRows({ t, orders, timeZone, withDate = false, onOpen }: {
  t: Translate<Messages>; orders: OrderSummary[]; timeZone: string; withDate?: boolean; onOpen: (orderId: string) => void;
}) {
  const { language } = useLocale();
  const when = (at: string) => new Date(at).toLocaleString(language, withDate
    ? { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone } : { hour: '2-digit', minute: '2-digit', timeZone });
  return (
    <table className="orders">
      <tbody>
        {orders.map((order) => (
          <tr key={order.id}>
            <td>{when(order.placedAt)}</td>
            <td>
              <button type="button" className="link" onClick={() => onOpen(order.id)}
                aria-label={t('orderDetailsOf', { reference: referenceOf(order.id) })}>{referenceOf(order.id)}</button>
            </td>
            <td>{order.tableName ?? '—'}</td>
            <td>{order.items.filter((item) => !item.voided).map((item) => `${item.quantity}× ${item.name}`).join(', ')}</td>
            <td><span className="state">{stateName(t, order.state)}</span></td>
            <td className="price">{formatMoney(order.total, order.currency, language)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function stateName(t: Translate<Messages>, state: string): string {
  const key = `state_${state}` as keyof Messages;
  return key in STATE_KEYS ? t(key) : state;
}

const STATE_KEYS = Object.fromEntries(['PENDING_PAYMENT', 'PLACED', 'ACCEPTED', 'PREPARING', 'READY', 'SERVED', 'COMPLETED',
  'CANCELLED', 'REJECTED'].map((state) => [`state_${state}`, true]));

export const ORDER_STATES = Object.keys(STATE_KEYS).map((key) => key.slice('state_'.length));
