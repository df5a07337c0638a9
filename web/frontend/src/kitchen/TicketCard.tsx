import { allergenName } from '../shared/allergens';
import { useLocale, type Translate } from '../shared/i18n';
import type { Ticket } from './api';
import type { Messages } from './messages';

/** A ticket turns amber after this long, red after the next: the pass sees at a glance what is late. */
const AMBER_SECONDS = 8 * 60;
const RED_SECONDS = 15 * 60;

export function lateness(ageSeconds: number): 'fresh' | 'slow' | 'late' {
  return ageSeconds >= RED_SECONDS ? 'late' : ageSeconds >= AMBER_SECONDS ? 'slow' : 'fresh';
}

export function Age({ seconds, t }: { seconds: number; t: Translate<Messages> }) {
  return (
    <span className="age" aria-label={t('minutes', { minutes: Math.floor(seconds / 60) })}>
      {Math.floor(seconds / 60)}:{String(seconds % 60).padStart(2, '0')}
    </span>
  );
}

/** One ticket as the cooks read it: table, age, allergens first, each item with its choices and note. */
export function TicketCard({ ticket, now, t, onBump }: { ticket: Ticket; now: number; t: Translate<Messages>; onBump?: () => void }) {
  const { language } = useLocale();
  const age = ticket.firedAt ? Math.max(0, Math.floor((now - Date.parse(ticket.firedAt)) / 1000)) : 0;
  const table = ticket.tableName ?? t('counter');
  return (
    <li className={`ticket ${lateness(age)}`} data-testid="ticket">
      <header>
        <strong className="table">{table}</strong>
        {ticket.firedAt && <Age seconds={age} t={t} />}
      </header>
      {(ticket.round > 0 || ticket.course > 1) && (
        <p className="meta">{ticket.round > 0 && <span>{t('addOn')}</span>} {ticket.course > 1 && <span>{t('course', { course: ticket.course })}</span>}</p>
      )}
      {ticket.allergens.length > 0 && (
        <p className="allergy" role="alert">⚠ {t('allergens', { allergens: ticket.allergens.map((a) => allergenName(a, language)).join(', ') })}</p>
      )}
      <ul className="items">
        {ticket.items.map((item) => (
          <li key={item.lineId} className={item.voided ? 'voided' : item.bumped ? 'done' : ''}>
            <span className="quantity">{item.quantity}×</span>
            <span>
              <strong>{item.name}{item.sizeName ? ` (${item.sizeName})` : ''}</strong>
              {item.choices.length > 0 && <span className="choices">{item.choices.join(' · ')}</span>}
              {item.alsoFor && <span className="choices">{t('alsoAt', { station: item.alsoFor })}</span>}
              {item.note && <span className="note">“{item.note}”</span>}
            </span>
          </li>
        ))}
      </ul>
      {onBump && <button type="button" className="bump" aria-label={t('bumpTicket', { table })} onClick={onBump}>{t('bump')}</button>}
    </li>
  );
}
