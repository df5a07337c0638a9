import { useEffect, useRef, useState } from 'react';
import { formatMoney, fractionDigits, parseAmount, tipOf } from '../shared/money';
import type { Translate } from '../shared/i18n';
import { ApiProblem } from '../shared/problem';
import type { Bill, BillItem, DinerApi, Share } from './api';
import type { Messages } from './messages';
import { TipChoice } from './TipChoice';

type Way = 'all' | 'parts' | 'items' | 'amount';

interface Props {
  api: DinerApi;
  locale: string;
  t: Translate<Messages>;
  /** Read again whenever the table's tab or payments change. */
  version: number;
  onFail: (error: unknown) => void;
}

/** The table's bill: what is owed and paid, and this guest's share of it (all of it, equal parts, their dishes, an amount). */
export function BillView({ api, locale, t, version, onFail }: Props) {
  const [bill, setBill] = useState<Bill | null>(null);
  const [items, setItems] = useState<BillItem[]>([]);
  const [nothingOwed, setNothingOwed] = useState(false);
  const [way, setWay] = useState<Way>('all');
  const [parts, setParts] = useState(2);
  const [chosen, setChosen] = useState<string[]>([]);
  const [typed, setTyped] = useState('');
  const [tip, setTip] = useState(10);
  const intent = useRef<string | null>(null);

  useEffect(() => {
    Promise.all([api.bill(), api.billItems()]).then(([read, lines]) => {
      setBill(read);
      setItems(lines);
      setNothingOwed(false);
    }, (error: unknown) => {
      if (error instanceof ApiProblem && error.status === 404) {
        setNothingOwed(true);
      } else {
        onFail(error);
      }
    });
  }, [api, version, onFail]);

  if (nothingOwed) {
    return <p className="empty">{t('nothingOwed')}</p>;
  }
  if (!bill) {
    return null;
  }
  const money = (minor: number) => formatMoney(minor, bill.currency, locale);
  const typedAmount = parseAmount(typed, fractionDigits(bill.currency)) ?? 0;
  const share = shareOf(way, bill, parts, items.filter((item) => chosen.includes(item.lineId)), typedAmount);
  const request: Share | null = way === 'all' ? { amount: bill.remaining }
    : way === 'parts' ? { parts }
    : way === 'items' ? (chosen.length > 0 ? { lineIds: chosen } : null)
    : (typedAmount > 0 && typedAmount <= bill.remaining ? { amount: typedAmount } : null);
  const total = share + tipOf(share, tip);

  const pay = async () => {
    if (!request) {
      return;
    }
    intent.current ??= crypto.randomUUID();
    try {
      window.location.assign((await api.payShare(request, tip, intent.current)).url);
    } catch (error) {
      if (error instanceof ApiProblem && error.status < 500) {
        intent.current = null;
      }
      onFail(error);
    }
  };

  return (
    <section aria-labelledby="bill-title" className="bill">
      <h2 id="bill-title" className="visually-hidden">{t('bill')}</h2>
      <dl className="sums">
        <dt>{t('owed')}</dt><dd>{money(bill.owed)}</dd>
        <dt>{t('paid')}</dt><dd>{money(bill.paid)}</dd>
        {bill.beingPaid > 0 && <><dt>{t('beingPaid')}</dt><dd>{money(bill.beingPaid)}</dd></>}
        <dt><strong>{t('remaining')}</strong></dt><dd><strong data-testid="bill-remaining">{money(bill.remaining)}</strong></dd>
      </dl>
      {bill.state === 'SETTLED' || bill.remaining === 0 ? <p className="empty">{t('billSettled')}</p> : (
        <>
          <fieldset className="ways">
            <legend>{t('howToPay')}</legend>
            {(['all', 'parts', 'items', 'amount'] as const).map((option) => (
              <label key={option} className="choice">
                <input type="radio" name="way" checked={way === option} onChange={() => setWay(option)} />
                <span>{t(`way_${option}`)}</span>
              </label>
            ))}
          </fieldset>
          {way === 'parts' && (
            <label className="field">
              <span>{t('parts')}</span>
              <input type="number" min={2} max={20} value={parts} onChange={(event) => setParts(Math.min(20, Math.max(2, Number(event.target.value) || 2)))} />
            </label>
          )}
          {way === 'items' && (
            <fieldset>
              <legend>{t('yourDishes')}</legend>
              {items.map((item) => (
                <label key={item.lineId} className="choice">
                  <input type="checkbox" disabled={item.state !== 'OPEN'} checked={chosen.includes(item.lineId)}
                    onChange={() => setChosen(chosen.includes(item.lineId) ? chosen.filter((id) => id !== item.lineId) : [...chosen, item.lineId])} />
                  <span>{item.name}{item.state !== 'OPEN' && <em className="muted"> · {t(item.state === 'PAID' ? 'paid' : 'beingPaid')}</em>}</span>
                  <span className="price">{money(item.amount)}</span>
                </label>
              ))}
            </fieldset>
          )}
          {way === 'amount' && (
            <label className="field">
              <span>{t('amount')}</span>
              <input inputMode="decimal" value={typed} onChange={(event) => setTyped(event.target.value)}
                aria-invalid={typed !== '' && (typedAmount <= 0 || typedAmount > bill.remaining)} />
            </label>
          )}
          <TipChoice t={t} name="bill-tip" value={tip} onChange={setTip} />
          <button type="button" className="primary wide" disabled={!request || share <= 0} onClick={() => void pay()}>
            {t('pay', { amount: money(total) })}
          </button>
        </>
      )}
    </section>
  );
}

/** What this guest's share comes to, as payment-service will reckon it. */
export function shareOf(way: Way, bill: Bill, parts: number, items: BillItem[], amount: number): number {
  switch (way) {
    case 'all':
      return bill.remaining;
    case 'parts':
      return Math.min(bill.remaining, Math.ceil(bill.owed / parts));
    case 'items':
      return items.reduce((sum, item) => sum + item.amount, 0);
    case 'amount':
      return amount <= bill.remaining ? amount : 0;
  }
}
