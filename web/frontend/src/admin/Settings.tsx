import { useCallback, useEffect, useState } from 'react';
import type { Translate } from '../shared/i18n';
import type { AdminApi, Location, LocationDetails, OpeningPeriod, Pacing } from './api';
import { ApiProblem } from '../shared/problem';
import type { Messages } from './messages';
import { problemMessage } from './problemMessage';

const DAYS: OpeningPeriod['day'][] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

/** The location's own settings: how it charges and when it opens, how its tables order, and how much its kitchen takes. */
export function Settings({ t, api, location, onRenamed, onOpened }: {
  t: Translate<Messages>; api: AdminApi; location: Location; onRenamed: (details: LocationDetails) => void; onOpened: (opened: Location) => void;
}) {
  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings')}</h1>
      <PacingPart t={t} api={api} location={location} />
      <LocationPart t={t} api={api} location={location} onSaved={onRenamed} />
      <OrderingPart t={t} api={api} location={location} />
      <NewLocation t={t} api={api} location={location} onOpened={onOpened} />
    </section>
  );
}

type Message = { text: string; error: boolean } | null;

function Said({ message }: { message: Message }) {
  return message && <p className={message.error ? 'error' : 'notice'} role={message.error ? 'alert' : 'status'}>{message.text}</p>;
}

/** A 412 means someone else saved first: the form is read again. */
function problemText(t: Translate<Messages>, problem: unknown): string {
  return problem instanceof ApiProblem && problem.status === 412 ? t('settingsStale') : problemMessage(problem, t);
}

/** Online ordering paused in one tap, and the caps on what diners may order per 15-minute slot. */
function PacingPart({ t, api, location }: { t: Translate<Messages>; api: AdminApi; location: Location }) {
  const [pacing, setPacing] = useState<Pacing | null>(null);
  const [stations, setStations] = useState<string[]>([]);
  const [message, setMessage] = useState<Message>(null);

  useEffect(() => {
    api.pacing(location.id).then(setPacing, () => setMessage({ text: t('tryAgain'), error: true }));
    api.stations(location.id).then(setStations, () => {});
  }, [api, location.id, t]);

  const save = async (next: Pacing, said: string) => {
    try {
      setPacing(await api.savePacing(location.id, next));
      setMessage({ text: said, error: false });
    } catch (problem) {
      setMessage({ text: problemText(t, problem), error: true });
    }
  };
  const cap = (typed: string) => (typed.trim() === '' ? null : Number(typed));

  return pacing && (
    <div className="category">
      <h2>{t('pacing')}</h2>
      <label className="switch">
        <input type="checkbox" role="switch" checked={!pacing.onlineOrderingPaused}
          onChange={(event) => void save({ ...pacing, onlineOrderingPaused: !event.currentTarget.checked },
            event.currentTarget.checked ? t('orderingResumed') : t('orderingPaused'))} />
        {t('dinersMayOrder')}
      </label>
      <form className="settings" onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const perStation: Record<string, number> = {};
        for (const station of stations) {
          const minutes = cap(String(form.get(`station-${station}`) ?? ''));
          if (minutes !== null) {
            perStation[station] = minutes;
          }
        }
        void save({ ...pacing, maxOrdersPerSlot: cap(String(form.get('maxOrders') ?? '')), maxPrepMinutesPerStation: perStation },
          t('pacingSaved'));
      }}>
        <p className="muted">{t('pacingHelp')}</p>
        <label>{t('maxOrdersPerSlot')}
          <input name="maxOrders" type="number" min={1} max={10000} defaultValue={pacing.maxOrdersPerSlot ?? ''} />
        </label>
        {stations.map((station) => (
          <label key={station}>{t('maxPrepMinutes', { station })}
            <input name={`station-${station}`} type="number" min={1} max={100000} defaultValue={pacing.maxPrepMinutesPerStation[station] ?? ''} />
          </label>
        ))}
        <div className="actions"><button type="submit" className="primary">{t('save')}</button></div>
      </form>
      <Said message={message} />
    </div>
  );
}

/** Where the location is, how it charges and when it opens; saved whole, only if no one changed it meanwhile. */
function LocationPart({ t, api, location, onSaved }: {
  t: Translate<Messages>; api: AdminApi; location: Location; onSaved: (details: LocationDetails) => void;
}) {
  const [read, setRead] = useState<{ details: LocationDetails; etag: string } | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const load = useCallback(() => api.location(location.id).then(setRead, () => setMessage({ text: t('tryAgain'), error: true })),
    [api, location.id, t]);
  useEffect(() => { void load(); }, [load]);

  const save = async (details: LocationDetails) => {
    if (!read) {
      return;
    }
    try {
      const saved = await api.saveLocation(location.id, details, read.etag);
      setRead(saved);
      onSaved(saved.details);
      setMessage({ text: t('settingsSaved'), error: false });
    } catch (problem) {
      setMessage({ text: problemText(t, problem), error: true });
      if (problem instanceof ApiProblem && problem.status === 412) {
        void load();
      }
    }
  };
  return read && <LocationForm key={read.etag} t={t} title={t('locationSettings')} initial={read.details} onSubmit={save} message={message} />;
}

/** Another location of the restaurant, opened with this one's currency, time zone and ways of charging. */
function NewLocation({ t, api, location, onOpened }: {
  t: Translate<Messages>; api: AdminApi; location: Location; onOpened: (opened: Location) => void;
}) {
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  if (!open) {
    return <button type="button" className="secondary" onClick={() => setOpen(true)}>{t('openLocation')}</button>;
  }
  const blank: LocationDetails = { ...location.details, name: '', address: { line1: '', line2: null, postalCode: '', city: '',
    country: location.details.address.country }, openingHours: [] };
  const submit = async (details: LocationDetails) => {
    try {
      onOpened(await api.openLocation(details));
    } catch (problem) {
      setMessage({ text: problemText(t, problem), error: true });
    }
  };
  return <LocationForm t={t} title={t('openLocation')} initial={blank} onSubmit={submit} message={message} />;
}

/** Where a location is, how it charges and when it opens. */
function LocationForm({ t, title, initial, onSubmit, message }: {
  t: Translate<Messages>; title: string; initial: LocationDetails; onSubmit: (details: LocationDetails) => Promise<void>; message: Message;
}) {
  const [details, setDetails] = useState(initial);
  const change = (changed: Partial<LocationDetails>) => setDetails({ ...details, ...changed });
  const address = (changed: Partial<LocationDetails['address']>) => change({ address: { ...details.address, ...changed } });
  const percent = (basisPoints: number) => String(basisPoints / 100);
  const basisPoints = (typed: string) => Math.round(Number(typed.replace(',', '.')) * 100);
  const hours = (periods: OpeningPeriod[]) => change({ openingHours: periods });

  return (
    <form className="category settings" aria-label={title} onSubmit={(event) => { event.preventDefault(); void onSubmit(details); }}>
      <h2>{title}</h2>
      <label>{t('name')}<input required maxLength={120} value={details.name} onInput={(e) => change({ name: e.currentTarget.value })} /></label>
      <label>{t('street')}<input required maxLength={200} value={details.address.line1} onInput={(e) => address({ line1: e.currentTarget.value })} /></label>
      <div className="inline">
        <label>{t('postalCode')}<input required maxLength={20} value={details.address.postalCode} onInput={(e) => address({ postalCode: e.currentTarget.value })} /></label>
        <label>{t('city')}<input required maxLength={100} value={details.address.city} onInput={(e) => address({ city: e.currentTarget.value })} /></label>
        <label>{t('country')}<input required pattern="[A-Z]{2}" maxLength={2} value={details.address.country} onInput={(e) => address({ country: e.currentTarget.value.toUpperCase() })} /></label>
      </div>
      <div className="inline">
        <label>{t('timeZone')}<input required value={details.timeZone} onInput={(e) => change({ timeZone: e.currentTarget.value })} /></label>
        <label>{t('taxRate')}<input required inputMode="decimal" value={percent(details.taxRateBasisPoints)}
          onChange={(e) => change({ taxRateBasisPoints: basisPoints(e.currentTarget.value) })} /></label>
        <label className="check"><input type="checkbox" checked={details.pricesIncludeTax} onChange={(e) => change({ pricesIncludeTax: e.currentTarget.checked })} />
          {t('pricesIncludeTax')}</label>
        <label>{t('serviceChargeRate')}<input required inputMode="decimal" value={percent(details.serviceChargeBasisPoints)}
          onChange={(e) => change({ serviceChargeBasisPoints: basisPoints(e.currentTarget.value) })} /></label>
      </div>
      <div className="inline">
        <label>{t('paymentMode')}
          <select value={details.paymentMode} onChange={(e) => change({ paymentMode: e.currentTarget.value as LocationDetails['paymentMode'] })}>
            {(['PAY_WHEN_ORDERING', 'PAY_AT_THE_END', 'EITHER'] as const).map((mode) => <option key={mode} value={mode}>{t(`mode_${mode}`)}</option>)}
          </select>
        </label>
        <label>{t('menuAccess')}
          <select value={details.menuAccess} onChange={(e) => change({ menuAccess: e.currentTarget.value as LocationDetails['menuAccess'] })}>
            <option value="PUBLIC">{t('access_PUBLIC')}</option>
            <option value="TABLE_GUESTS">{t('access_TABLE_GUESTS')}</option>
          </select>
        </label>
        <label className="check"><input type="checkbox" checked={details.firstOrderApproval} onChange={(e) => change({ firstOrderApproval: e.currentTarget.checked })} />
          {t('firstOrderApproval')}</label>
      </div>
      <fieldset>
        <legend>{t('openingHours')}</legend>
        {details.openingHours.length === 0 && <p className="muted">{t('noOpeningHours')}</p>}
        {details.openingHours.map((period, index) => (
          <div key={index} className="inline" role="group" aria-label={t('openingPeriod', { number: index + 1 })}>
            <label>{t('weekday')}
              <select value={period.day} onChange={(e) => hours(details.openingHours.map((p, i) => (i === index ? { ...p, day: e.currentTarget.value as OpeningPeriod['day'] } : p)))}>
                {DAYS.map((day) => <option key={day} value={day}>{t(`day_${day}`)}</option>)}
              </select>
            </label>
            <label>{t('opens')}<input type="time" required value={period.opens.slice(0, 5)}
              onInput={(e) => hours(details.openingHours.map((p, i) => (i === index ? { ...p, opens: e.currentTarget.value } : p)))} /></label>
            <label>{t('closes')}<input type="time" required value={period.closes.slice(0, 5)}
              onInput={(e) => hours(details.openingHours.map((p, i) => (i === index ? { ...p, closes: e.currentTarget.value } : p)))} /></label>
            <button type="button" className="link danger" onClick={() => hours(details.openingHours.filter((_, i) => i !== index))}>{t('removeItem')}</button>
          </div>
        ))}
        <button type="button" className="secondary" onClick={() => hours([...details.openingHours, { day: 'MONDAY', opens: '12:00', closes: '14:30' }])}>
          {t('addOpeningPeriod')}
        </button>
      </fieldset>
      <div className="actions"><button type="submit" className="primary">{t('save')}</button></div>
      <Said message={message} />
    </form>
  );
}

/** Whether a table's cart is sent by any guest for the whole table, or by each guest for itself. */
function OrderingPart({ t, api, location }: { t: Translate<Messages>; api: AdminApi; location: Location }) {
  const [submission, setSubmission] = useState<'TABLE' | 'GUEST' | null>(null);
  const [message, setMessage] = useState<Message>(null);
  useEffect(() => {
    api.cartSubmission(location.id).then(setSubmission, () => setMessage({ text: t('tryAgain'), error: true }));
  }, [api, location.id, t]);
  const choose = async (next: 'TABLE' | 'GUEST') => {
    try {
      await api.saveCartSubmission(location.id, next);
      setSubmission(next);
      setMessage({ text: t('settingsSaved'), error: false });
    } catch (problem) {
      setMessage({ text: problemText(t, problem), error: true });
    }
  };
  return submission && (
    <fieldset className="category">
      <legend>{t('cartSubmission')}</legend>
      {(['TABLE', 'GUEST'] as const).map((value) => (
        <label key={value} className="check">
          <input type="radio" name="cartSubmission" checked={submission === value} onChange={() => void choose(value)} />
          {t(`submission_${value}`)}
        </label>
      ))}
      <Said message={message} />
    </fieldset>
  );
}
