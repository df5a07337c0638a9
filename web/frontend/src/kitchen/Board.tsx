import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiProblem } from '../shared/problem';
import { useLive } from '../shared/useLive';
import type { Ticket } from './api';
import { Bar, useClock } from './Bar';
import { chime } from './chime';
import type { ScreenProps } from './setup';
import { TicketCard } from './TicketCard';

/**
 * A column per station, oldest ticket first, and the courses held back until someone fires them. Each push makes the
 * tablet read again what it changed (a station, the held courses), and so does every reconnection.
 */
export function Board({ t, api, staff, setup, onChange, onSignedOut }: ScreenProps) {
  const [open, setOpen] = useState<Record<string, Ticket[]>>({});
  const [bumped, setBumped] = useState<Record<string, Ticket[]>>({});
  const [held, setHeld] = useState<Ticket[]>([]);
  const now = useClock();
  // the tickets each station has shown: one it had not shown yet chimes, whether a push or a reconnection brought it
  const shown = useRef(new Map<string, Set<string>>());
  const prefix = `station:${setup.locationId}:`;

  const guard = useCallback(async (read: () => Promise<void>) => {
    try {
      await read();
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 401) {
        onSignedOut();
      }
    }
  }, [onSignedOut]);
  const readStation = useCallback((station: string) => guard(async () => {
    const [tickets, recent] = await Promise.all([
      api.tickets(setup.locationId, station), api.recentlyBumped(setup.locationId, station)]);
    const seen = shown.current.get(station);
    if (seen && tickets.some((ticket) => !seen.has(ticket.id))) {
      chime.play();
    }
    const shownNow = seen ?? new Set<string>();
    tickets.forEach((ticket) => shownNow.add(ticket.id));
    shown.current.set(station, shownNow);
    setOpen((current) => ({ ...current, [station]: tickets }));
    setBumped((current) => ({ ...current, [station]: recent }));
  }), [api, setup.locationId, guard]);
  const readHeld = useCallback(() => guard(async () => {
    setHeld((await api.held(setup.locationId)).filter((ticket) => setup.stations.includes(ticket.station)));
  }), [api, setup, guard]);
  const readAll = useCallback(() => {
    setup.stations.forEach((station) => void readStation(station));
    void readHeld();
  }, [setup.stations, readStation, readHeld]);

  // every connection (the first one too) reads the stations: a tablet back from offline shows what is open now
  const online = useLive([...setup.stations.map((station) => prefix + station), `location:${setup.locationId}`], {
    token: () => staff.token(),
    onPush: (push) => {
      if (push.stream.startsWith(prefix)) {
        void readStation(push.stream.slice(prefix.length));
      } else if (push.type === 'order.placed' || push.type === 'ticket.fired') {
        void readHeld();
      } else if (push.type === 'order.cancelled' || push.type === 'order.rejected') {
        // their tickets are voided without a ticket event of their own
        readAll();
      }
    },
    onSnapshot: readAll,
    onResync: readAll,
    onConnected: readAll,
  });
  useEffect(readAll, [readAll]);

  const act = async (action: Promise<unknown>) => {
    try {
      await action;
    } finally {
      readAll();
    }
  };

  const courses = heldCourses(held);
  return (
    <div className="board">
      <Bar t={t} title={setup.locationName} online={online} onChange={onChange} />
      {courses.length > 0 && (
        <section className="held" aria-labelledby="held-title">
          <h2 id="held-title">{t('held')}</h2>
          <ul>
            {courses.map(({ orderId, course, table, heldFor, items }) => (
              <li key={`${orderId}-${course}`}>
                <span><strong>{table ?? t('counter')}</strong> · {t('course', { course })} · {items}</span>
                {heldFor === 'COURSE'
                  ? <button type="button" className="fire" onClick={() => void act(api.fire(orderId, course))}>
                      {t('fireCourse', { course, table: table ?? t('counter') })}</button>
                  : <em>{t(heldFor === 'APPROVAL' ? 'heldFor_APPROVAL' : 'heldFor_SCHEDULE')}</em>}
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="columns">
        {setup.stations.map((station) => (
          <section key={station} className="column" aria-labelledby={`s-${station}`}>
            <h2 id={`s-${station}`}>{station} <span className="count">{open[station]?.length ?? 0}</span></h2>
            {(open[station] ?? []).length === 0 && <p className="empty">{t('noTickets')}</p>}
            <ol className="tickets">
              {(open[station] ?? []).map((ticket) => (
                <TicketCard key={ticket.id} ticket={ticket} now={now} t={t} onBump={() => void act(api.bump(ticket.id))} />
              ))}
            </ol>
            {(bumped[station] ?? []).length > 0 && (
              <details className="recent">
                <summary>{t('recentlyBumped')} ({bumped[station]?.length})</summary>
                <ul>
                  {bumped[station]?.map((ticket) => (
                    <li key={ticket.id}>
                      {ticket.tableName ?? t('counter')} · {ticket.items.map((item) => `${item.quantity}× ${item.name}`).join(', ')}
                      <button type="button" className="link" aria-label={t('recallTicket', { table: ticket.tableName ?? t('counter') })}
                        onClick={() => void act(api.recall(ticket.id))}>{t('recall')}</button>
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </section>
        ))}
      </div>
    </div>
  );
}

interface HeldCourse {
  orderId: string;
  course: number;
  table: string | null;
  heldFor: Ticket['heldFor'];
  items: string;
}

/** Held tickets by order and course: firing a course fires it at every station at once. */
export function heldCourses(tickets: Ticket[]): HeldCourse[] {
  const courses = new Map<string, HeldCourse>();
  for (const ticket of tickets) {
    const key = `${ticket.orderId}/${ticket.course}`;
    const items = ticket.items.map((item) => `${item.quantity}× ${item.name}`).join(', ');
    const found = courses.get(key);
    if (found) {
      found.items = `${found.items}, ${items}`;
    } else {
      courses.set(key, { orderId: ticket.orderId, course: ticket.course, table: ticket.tableName, heldFor: ticket.heldFor, items });
    }
  }
  return [...courses.values()];
}
