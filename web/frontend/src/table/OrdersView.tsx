import { useState } from 'react';
import { formatMoney, tipOf } from '../shared/money';
import type { Translate } from '../shared/i18n';
import type { Order } from './api';
import type { Messages } from './messages';
import type { Names } from './names';
import { TipChoice } from './TipChoice';
import { referenceOf } from '../shared/reference';

interface Props {
  orders: Order[];
  locale: string;
  t: Translate<Messages>;
  names: Names;
  onPay: (order: Order, tipPercent: number) => void;
}

/** The table's orders as the kitchen moves them on, live; an order waiting for payment can be paid from here. */
export function OrdersView({ orders, locale, t, names, onPay }: Props) {
  if (orders.length === 0) {
    return <p className="empty">{t('noOrders')}</p>;
  }
  return (
    <ul className="orders">
      {[...orders].reverse().map((order) => <OrderCard key={order.id} order={order} locale={locale} t={t} names={names} onPay={onPay} />)}
    </ul>
  );
}

function OrderCard({ order, locale, t, names, onPay }: Omit<Props, 'orders'> & { order: Order }) {
  const [tip, setTip] = useState<number>(10);
  const money = (minor: number) => formatMoney(minor, order.currency, locale);
  return (
    <li className="order" data-testid="order" data-state={order.state}>
      <header>
        <h3>{t('order', { reference: referenceOf(order.id) })}</h3>
        <span className={`state state-${order.state.toLowerCase()}`} role="status">{t(`state_${order.state}` as keyof Messages)}</span>
      </header>
      <ul>
        {order.lines.filter((line) => !line.voided).map((line) => (
          <li key={line.id}>
            {line.quantity} × {names.of(line.itemId, line.name)}{line.sizeId ? ` (${names.of(line.sizeId, line.sizeName)})` : ''}
            {line.choices.length > 0 && <span className="muted"> · {names.choices(line.choices, t)}</span>}
          </li>
        ))}
      </ul>
      <p className="total"><span>{t('total')}</span> <strong>{money(order.total)}</strong></p>
      {order.state === 'PENDING_PAYMENT' && order.settlement === 'COUNTER_FIRST' && <p className="hint">{t('payAtCounter')}</p>}
      {order.state === 'PENDING_PAYMENT' && order.settlement === 'PAY_FIRST' && (
        <div className="pay">
          <TipChoice t={t} name={`tip-${order.id}`} value={tip} onChange={setTip} />
          <button type="button" className="primary wide" onClick={() => onPay(order, tip)}>
            {t('pay', { amount: money(order.total + tipOf(order.total, tip)) })}
          </button>
        </div>
      )}
    </li>
  );
}
