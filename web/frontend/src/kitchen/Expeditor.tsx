import { useCallback, useEffect, useState } from 'react';
import type { Translate } from '../shared/i18n';
import { Live } from '../shared/live';
import { ApiProblem } from '../shared/problem';
import type { StaffSession } from '../shared/staff';
import type { ExpeditorOrder, KitchenApi } from './api';
import { Bar, useClock } from './Bar';
import type { Messages } from './messages';
import type { Setup } from './setup';
import { Age, lateness } from './TicketCard';

interface Props {
  t: Translate<Messages>;
  api: KitchenApi;
  staff: StaffSession;
  setup: Setup;
  onChange: () => void;
  onSignedOut: () => void;
}

/** The pass: every order in progress with each station's part of it; a complete order is marked served from here. */
export function Expeditor({ t, api, staff, setup, onChange, onSignedOut }: Props) {
  const [orders, setOrders] = useState<ExpeditorOrder[]>([]);
  const [readAt, setReadAt] = useState(() => Date.now());
  const [online, setOnline] = useState(true);
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

  useEffect(() => {
    void read();
    const live = new Live({
      token: () => staff.token(),
      streams: [`location:${setup.locationId}`],
      onPush: (push) => {
        if (push.type.startsWith('ticket.') || push.type.startsWith('order.')) {
          void read();
        }
      },
      onSnapshot: () => void read(),
      onResync: () => void read(),
      onConnection: (connected) => {
        setOnline(connected);
        if (connected) {
          void read();
        }
      },
    }).start();
    return () => live.close();
  }, [staff, setup.locationId, read]);

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
                <button type="button" className="bump" aria-label={t('servedOrder', { table })}
                  onClick={() => void api.served(order.orderId).finally(() => void read())}>{t('readyToServe')} · {t('served')}</button>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
