import { useCallback, useEffect, useRef, useState } from 'react';
import { useLocale, type Translate } from '../shared/i18n';
import { formatAmount, formatMoney, fractionDigits, parseAmount } from '../shared/money';
import { referenceOf } from '../shared/reference';
import type { AdminApi, OrderDetail, PaymentRecord, Transition } from './api';
import type { Messages } from './messages';
import { problemMessage } from './problemMessage';
import { stateName } from './OrderRows';

/** One order in a dialog: its lines and sums, its history, and its online payment, which a manager may refund. */
export function OrderDetails({ t, api, orderId, timeZone, onClose }: {
  t: Translate<Messages>; api: AdminApi; orderId: string; timeZone: string; onClose: () => void;
}) {
  const { language } = useLocale();
  const dialog = useRef<HTMLDialogElement>(null);
  const [order, setOrder] = useState<OrderDetail | null>(null);
  const [history, setHistory] = useState<Transition[]>([]);
  const [payment, setPayment] = useState<PaymentRecord | null>(null);
  const [error, setError] = useState<string | null>(null);

  const read = useCallback(() => Promise.all([api.order(orderId), api.history(orderId), api.paymentOf(orderId)])
    .then(([o, h, p]) => { setOrder(o); setHistory(h); setPayment(p); }, () => setError(t('tryAgain'))), [api, orderId, t]);
  useEffect(() => { void read(); }, [read]);
  useEffect(() => {
    const shown = dialog.current;
    shown?.showModal();
    return () => shown?.close();
  }, []);

  const money = (minor: number) => formatMoney(minor, order?.currency ?? 'EUR', language);
  const time = (at: string) => new Date(at).toLocaleString(language, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone });

  return (
    <dialog ref={dialog} className="details" aria-labelledby="order-title" onClose={onClose}>
      <header className="section-header">
        <h2 id="order-title">{t('orderTitle', { reference: referenceOf(orderId) })}</h2>
        <button type="button" className="link" onClick={() => dialog.current?.close()}>{t('close')}</button>
      </header>
      {error && <p className="error" role="alert">{error}</p>}
      {order && (
        <>
          <p><span className="state">{stateName(t, order.state)}</span> <span className="muted">{time(order.placedAt)}</span></p>
          <ul className="rows">
            {order.lines.map((line) => (
              <li key={line.id} className="row">
                <span className="grow">{line.voided ? <s>{lineName(line)}</s> : lineName(line)}
                  {line.voided && line.voidReason && <span className="muted"> · {line.voidReason}</span>}</span>
                <span className="price">{money(line.total)}</span>
              </li>
            ))}
          </ul>
          <dl className="sums">
            <dt>{t(order.taxIncluded ? 'taxIncluded' : 'tax')}</dt><dd>{money(order.tax)}</dd>
            {order.serviceCharge > 0 && <><dt>{t('serviceCharge')}</dt><dd>{money(order.serviceCharge)}</dd></>}
            <dt>{t('total')}</dt><dd className="price">{money(order.total)}</dd>
            {order.refunded > 0 && <><dt>{t('refunded')}</dt><dd>{money(order.refunded)}</dd></>}
          </dl>
          {order.note && <p className="muted">“{order.note}”</p>}
          <h3>{t('history')}</h3>
          <ol className="history">
            {history.map((step) => (
              <li key={step.at + step.to}>{time(step.at)} · {stateName(t, step.to)}{step.reason && <span className="muted"> · {step.reason}</span>}</li>
            ))}
          </ol>
          <h3>{t('payment')}</h3>
          {payment ? <PaymentPart t={t} api={api} payment={payment} money={money} onRefunded={read} />
            : <p className="muted">{order.paidWith ? t('paidWith', { method: order.paidWith }) : t('noOnlinePayment')}</p>}
        </>
      )}
    </dialog>
  );
}

function lineName(line: OrderDetail['lines'][number]): string {
  return `${line.quantity}× ${line.name}${line.sizeName ? ` (${line.sizeName})` : ''}`;
}

function PaymentPart({ t, api, payment, money, onRefunded }: {
  t: Translate<Messages>; api: AdminApi; payment: PaymentRecord; money: (minor: number) => string; onRefunded: () => Promise<unknown>;
}) {
  const digits = fractionDigits(payment.currency);
  const [amount, setAmount] = useState(() => formatAmount(payment.refundable, digits));
  const [reason, setReason] = useState('');
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const typed = parseAmount(amount, digits);
  const invalid = typed === null || typed <= 0 || typed > payment.refundable;

  const refund = async () => {
    if (invalid || !reason.trim()) {
      return;
    }
    setBusy(true);
    try {
      await api.refund(payment.id, typed, reason.trim(), key);
      setMessage({ text: t('refundDone', { amount: money(typed) }), error: false });
      setKey(crypto.randomUUID());
      setReason('');
      await onRefunded();
    } catch (problem) {
      setMessage({ text: problemMessage(problem, t), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <dl className="sums" data-testid="payment">
        <dt>{t('paid')}</dt><dd>{money(payment.paid)}</dd>
        {payment.tip > 0 && <><dt>{t('tip')}</dt><dd>{money(payment.tip)}</dd></>}
        <dt>{t('refunded')}</dt><dd>{money(payment.refunded)}</dd>
      </dl>
      {payment.refunds.length > 0 && (
        <ul className="rows">
          {payment.refunds.map((r) => (
            <li key={r.id} className="row"><span className="grow">{r.reason}{r.automatic && <span className="muted"> · {t('automatic')}</span>}</span>
              <span className="muted">{t(`refund_${r.state}`)}</span><span className="price">{money(r.amount)}</span></li>
          ))}
        </ul>
      )}
      {message && <p className={message.error ? 'error' : 'notice'} role={message.error ? 'alert' : 'status'}>{message.text}</p>}
      {payment.refundable > 0 && (
        <form className="inline" onSubmit={(event) => { event.preventDefault(); void refund(); }}>
          <label>{t('refundAmount', { currency: payment.currency })}
            <input inputMode="decimal" value={amount} aria-invalid={invalid} required
              onInput={(event) => setAmount(event.currentTarget.value)} />
          </label>
          <label className="grow">{t('refundReason')}
            <input value={reason} maxLength={500} required onInput={(event) => setReason(event.currentTarget.value)} />
          </label>
          <button type="submit" className="primary" disabled={busy || invalid || !reason.trim()}>{t('refund')}</button>
        </form>
      )}
      {payment.refundable > 0 && <p className="muted">{t('refundableUpTo', { amount: money(payment.refundable) })}</p>}
    </>
  );
}
