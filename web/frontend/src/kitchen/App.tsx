import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { SignIn, type SignInLabels } from '../shared/SignIn';
import { allergenName } from '../shared/allergens';
import { LocaleContext, languages, pickLanguage, translator, useLocale, type Language, type Translate } from '../shared/i18n';
import { Live } from '../shared/live';
import { ApiProblem } from '../shared/problem';
import { StaffSession } from '../shared/staff';
import { KitchenApi, type Location, type Ticket } from './api';
import { messages, type Messages } from './messages';
import { chime } from './chime';

const SESSION_KEY = 'urop.kitchen.session';
const SETUP_KEY = 'urop.kitchen.setup';

/** A ticket turns amber after this long, red after the next: the pass sees at a glance what is late. */
const AMBER_SECONDS = 8 * 60;
const RED_SECONDS = 15 * 60;

interface Setup {
  locationId: string;
  locationName: string;
  stations: string[];
}

export function App() {
  const [language, setLanguage] = useState<Language>(() => {
    const chosen = localStorage.getItem('urop.language');
    return languages.find((l) => l === chosen) ?? pickLanguage(navigator.languages);
  });
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const [staff, setStaff] = useState<StaffSession | null>(() => StaffSession.kept(SESSION_KEY));
  const [setup, setSetup] = useState<Setup | null>(() => {
    const kept = localStorage.getItem(SETUP_KEY);
    return kept ? (JSON.parse(kept) as Setup) : null;
  });
  const t = useMemo(() => translator(messages, language), [language]);
  const api = useMemo(() => (staff ? new KitchenApi(staff) : null), [staff]);
  const signOut = () => {
    void staff?.signOut().catch(() => {});
    setStaff(null);
  };
  const choose = (chosen: Setup | null) => {
    if (chosen) {
      localStorage.setItem(SETUP_KEY, JSON.stringify(chosen));
    } else {
      localStorage.removeItem(SETUP_KEY);
    }
    setSetup(chosen);
  };

  return (
    <LocaleContext.Provider value={{ language, setLanguage }}>
      {!staff && <SignIn sessionKey={SESSION_KEY} labels={signInLabels(t)} onSignedIn={(signedIn) => {
        chime.unlock();
        setStaff(signedIn);
      }} />}
      {api && !setup && <SetupScreen t={t} api={api} onChosen={choose} onSignOut={signOut} />}
      {staff && setup && <Board t={t} staff={staff} setup={setup} onChange={() => choose(null)} onSignedOut={() => setStaff(null)} />}
    </LocaleContext.Provider>
  );
}

function signInLabels(t: Translate<Messages>): SignInLabels {
  return { title: t('title'), email: t('email'), password: t('password'), signIn: t('signIn'),
    wrongCredentials: t('wrongCredentials'), tryAgain: t('tryAgain') };
}

interface SetupProps {
  t: Translate<Messages>;
  api: KitchenApi;
  onChosen: (setup: Setup) => void;
  onSignOut: () => void;
}

function SetupScreen({ t, api, onChosen, onSignOut }: SetupProps) {
  const [locations, setLocations] = useState<Location[]>([]);
  const [locationId, setLocationId] = useState<string>('');
  const [stations, setStations] = useState<string[] | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.locations().then((found) => {
      setLocations(found);
      setLocationId((current) => current || found[0]?.id || '');
    }, () => setError(t('tryAgain')));
  }, [api, t]);
  useEffect(() => {
    if (!locationId) {
      return;
    }
    setStations(null);
    api.stations(locationId).then((found) => {
      setStations(found);
      setChosen(found);
    }, () => setError(t('tryAgain')));
  }, [api, locationId, t]);

  const start = (event: FormEvent) => {
    event.preventDefault();
    chime.unlock();
    const location = locations.find((candidate) => candidate.id === locationId);
    onChosen({ locationId, locationName: location?.details.name ?? '', stations: chosen });
  };
  return (
    <main className="centered">
      <form className="card form" onSubmit={start}>
        <h1>{t('title')}</h1>
        <label>{t('location')}
          <select value={locationId} onChange={(event) => setLocationId(event.target.value)}>
            {locations.map((location) => <option key={location.id} value={location.id}>{location.details.name}</option>)}
          </select>
        </label>
        <fieldset>
          <legend>{t('stations')}</legend>
          {stations?.length === 0 && <p>{t('noStations')}</p>}
          {stations?.map((station) => (
            <label key={station} className="check">
              <input type="checkbox" checked={chosen.includes(station)}
                onChange={() => setChosen(chosen.includes(station) ? chosen.filter((s) => s !== station) : [...chosen, station])} />
              {station}
            </label>
          ))}
        </fieldset>
        {error && <p className="error" role="alert">{error}</p>}
        <button type="submit" className="primary" disabled={chosen.length === 0}>{t('start')}</button>
        <button type="button" className="link" onClick={onSignOut}>{t('signOut')}</button>
      </form>
    </main>
  );
}

interface BoardProps {
  t: Translate<Messages>;
  staff: StaffSession;
  setup: Setup;
  onChange: () => void;
  onSignedOut: () => void;
}

/** A column per station, oldest ticket first; live, and read again whenever the connection comes back. */
function Board({ t, staff, setup, onChange, onSignedOut }: BoardProps) {
  const api = useMemo(() => new KitchenApi(staff), [staff]);
  const [open, setOpen] = useState<Record<string, Ticket[]>>({});
  const [bumped, setBumped] = useState<Record<string, Ticket[]>>({});
  const [online, setOnline] = useState(true);
  const [now, setNow] = useState(() => Date.now());
  const known = useRef(new Set<string>());

  const read = useCallback(async (station: string) => {
    try {
      const [tickets, recent] = await Promise.all([
        api.tickets(setup.locationId, station), api.recentlyBumped(setup.locationId, station)]);
      setOpen((current) => ({ ...current, [station]: tickets }));
      setBumped((current) => ({ ...current, [station]: recent }));
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 401) {
        onSignedOut();
      }
    }
  }, [api, setup.locationId, onSignedOut]);
  const readAll = useCallback(() => setup.stations.forEach((station) => void read(station)), [setup.stations, read]);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    // after a reload nobody has tapped yet, and browsers keep sound off until someone does
    const unlock = () => chime.unlock();
    document.addEventListener('pointerdown', unlock, { once: true });
    return () => {
      clearInterval(timer);
      document.removeEventListener('pointerdown', unlock);
    };
  }, []);

  useEffect(() => {
    readAll();
    const live = new Live({
      token: () => staff.token(),
      streams: setup.stations.map((station) => `station:${setup.locationId}:${station}`),
      onPush: (push) => {
        const station = push.stream.slice(`station:${setup.locationId}:`.length);
        if (push.type === 'ticket.fired' && typeof push.data.ticketId === 'string' && !known.current.has(push.data.ticketId)) {
          known.current.add(push.data.ticketId);
          chime.play();
        }
        void read(station);
      },
      onSnapshot: (stream) => void read(stream.slice(`station:${setup.locationId}:`.length)),
      onResync: (stream) => void read(stream.slice(`station:${setup.locationId}:`.length)),
      onConnection: (connected) => {
        setOnline(connected);
        if (connected) {
          readAll();
        }
      },
    }).start();
    return () => live.close();
  }, [staff, setup, read, readAll]);

  const act = async (action: Promise<Ticket>, station: string) => {
    try {
      await action;
    } finally {
      void read(station);
    }
  };

  return (
    <div className="board">
      <header className="bar">
        <h1>{setup.locationName}</h1>
        <span className={online ? 'online' : 'offline'} role="status">{online ? '●' : t('offline')}</span>
        <span className="spacer" />
        <LanguagePicker />
        <button type="button" className="link" onClick={onChange}>{t('change')}</button>
      </header>
      <div className="columns">
        {setup.stations.map((station) => (
          <section key={station} className="column" aria-labelledby={`s-${station}`}>
            <h2 id={`s-${station}`}>{station} <span className="count">{open[station]?.length ?? 0}</span></h2>
            {(open[station] ?? []).length === 0 && <p className="empty">{t('noTickets')}</p>}
            <ol className="tickets">
              {(open[station] ?? []).map((ticket) => (
                <TicketCard key={ticket.id} ticket={ticket} now={now} t={t}
                  onBump={() => void act(api.bump(ticket.id), station)} />
              ))}
            </ol>
            {(bumped[station] ?? []).length > 0 && (
              <details className="recent">
                <summary>{t('recentlyBumped')} ({bumped[station]?.length})</summary>
                <ul>
                  {bumped[station]?.map((ticket) => (
                    <li key={ticket.id}>
                      {ticket.tableName ?? t('counter')} · {ticket.items.map((item) => `${item.quantity}× ${item.name}`).join(', ')}
                      <button type="button" className="link" onClick={() => void act(api.recall(ticket.id), station)}>{t('recall')}</button>
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

function TicketCard({ ticket, now, t, onBump }: { ticket: Ticket; now: number; t: Translate<Messages>; onBump: () => void }) {
  const { language } = useLocale();
  const age = ticket.firedAt ? Math.max(0, Math.floor((now - Date.parse(ticket.firedAt)) / 1000)) : 0;
  const lateness = age >= RED_SECONDS ? 'late' : age >= AMBER_SECONDS ? 'slow' : 'fresh';
  const table = ticket.tableName ?? t('counter');
  return (
    <li className={`ticket ${lateness}`} data-testid="ticket">
      <header>
        <strong className="table">{table}</strong>
        <span className="age" aria-label={t('minutes', { minutes: Math.floor(age / 60) })}>
          {Math.floor(age / 60)}:{String(age % 60).padStart(2, '0')}
        </span>
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
      <button type="button" className="bump" aria-label={t('bumpTicket', { table })} onClick={onBump}>{t('bump')}</button>
    </li>
  );
}

function LanguagePicker() {
  const { language, setLanguage } = useLocale();
  return (
    <select aria-label="Language" value={language} onChange={(event) => {
      localStorage.setItem('urop.language', event.target.value);
      setLanguage(event.target.value as Language);
    }}>
      {languages.map((l) => <option key={l} value={l}>{l.toUpperCase()}</option>)}
    </select>
  );
}
