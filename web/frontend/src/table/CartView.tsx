import { formatMoney } from '../shared/money';
import type { Translate } from '../shared/i18n';
import type { Cart } from './api';
import type { Messages } from './messages';
import type { Names } from './names';

interface Props {
  cart: Cart;
  currency: string;
  locale: string;
  t: Translate<Messages>;
  names: Names;
  sending: boolean;
  onRemove: (lineId: string) => void;
  onSend: () => void;
}

/** The table's shared cart: everyone's lines, each with who added it; a guest removes only their own. */
export function CartView({ cart, currency, locale, t, names, sending, onRemove, onSend }: Props) {
  const money = (minor: number) => formatMoney(minor, currency, locale);
  if (cart.lines.length === 0) {
    return <p className="empty">{t('cartEmpty')}</p>;
  }
  return (
    <section aria-label={t('cart')}>
      <ul className="lines">
        {cart.lines.map((line) => (
          <li key={line.id} className={line.orderable ? 'line' : 'line problem'} data-testid="cart-line">
            <div>
              <strong>{line.quantity} × {names.of(line.itemId, line.name)}{line.sizeId ? ` (${names.of(line.sizeId, line.sizeName)})` : ''}</strong>
              {line.choices.length > 0 && <span className="muted">{names.choices(line.choices, t)}</span>}
              {line.note && <span className="muted">“{line.note}”</span>}
              <span className="who">{line.mine ? t('you') : line.guestName ?? t('guest')}</span>
              {!line.orderable && <span className="error">{t('notOrderable')}</span>}
            </div>
            <div className="line-end">
              <span className="price">{money(line.total)}</span>
              {line.mine && <button type="button" className="link" onClick={() => onRemove(line.id)}>{t('remove')}</button>}
            </div>
          </li>
        ))}
      </ul>
      <p className="total"><span>{t('total')}</span> <strong data-testid="cart-total">{money(cart.total)}</strong></p>
      <button type="button" className="primary wide" disabled={sending || cart.lines.some((line) => !line.orderable)} onClick={onSend}>
        {sending ? t('sending') : t('send')}
      </button>
    </section>
  );
}
