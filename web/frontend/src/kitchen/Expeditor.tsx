import { useCallback, useEffect, useState } from 'react';
import { ApiProblem } from '../shared/problem';
import { useLive } from '../shared/useLive';
import type { ExpeditorOrder } from './api';
import { Bar, useClock } from './Bar';
import type { ScreenProps } from './setup';
import { Age, lateness } from './TicketCard';

/** The pass: every order in progress with each station's part of it; a complete order is marked served from here. */
export function Expeditor({ t, api, staff, setup, onChange, onSignedOut }: ScreenProps) {
  const [orders, setOrders] = useState<ExpeditorOrder[]>([]);
  const [readAt, setReadAt] = useState(() => Date.now());
  const now = useClock();

  const read = useCallback(async () => {
    try {
      setOrders(await api.expeditor(setup.locationId));
      setReadAt(Date.now());
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 401) {
        onSignedOut();
      }
    }
  }, [api, setup.locationId, onSignedOut]);

  const reread = () => void read();
  const online = useLive([`location:${setup.locationId}`], {
    token: () => staff.token(),
    onPush: (push) => {
      if (push.type.startsWith('ticket.') || push.type.startsWith('order.')) {
        reread();
      }
    },
    onSnapshot: reread,
    onResync: reread,
    onConnected: reread,
  });
  useEffect(reread, [read]);

  const elapsed = Math.floor((now - readAt) / 1000);
  return (
    <div className="board">
      <Bar t={t} title={`${setup.locationName} · ${t('expeditor')}`} online={online} onChange={onChange} />
      {orders.length === 0 && <p className="empty padded">{t('noOrders')}</p>}
      <ol className="expeditor">
        {orders.map((order) => {
          const table = order.tableName ?? t('counter');
          return (
            <li key={order.orderId} className={`ticket ${order.ready ? 'ready' : lateness(order.ageSeconds + elapsed)}`} data-testid="expedited-order">
              <header>
                <strong className="table">{table}</strong>
                <Age seconds={order.ageSeconds + elapsed} t={t} />
              </header>
              <ul className="items">
                {order.tickets.map((ticket) => (
                  <li key={ticket.id} className={ticket.state === 'BUMPED' ? 'done' : ''}>
                    <span className="quantity">{ticket.state === 'BUMPED' ? '✓' : '…'}</span>
                    <span><strong>{ticket.station}</strong>
                      <span className="choices">{ticket.items.map((item) => `${item.quantity}× ${item.name}`).join(', ')}</span>
                    </span>
                  </li>
                ))}
              </ul>
              {order.ready && (
                <>
                  <p className="meta">{t('readyToServe')}</p>
                  <button type="button" className="bump" onClick={() => void api.served(order.orderId).finally(() => void read())}>
                    {t('servedOrder', { table })}</button>
                </>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
