import { useEffect, useState, type FormEvent } from 'react';
import type { Translate } from '../shared/i18n';
import type { KitchenApi, Location } from './api';
import { chime } from './chime';
import type { Messages } from './messages';
import type { Setup } from './setup';

interface Props {
  t: Translate<Messages>;
  api: KitchenApi;
  onChosen: (setup: Setup) => void;
  onSignOut: () => void;
}

/** Which location this tablet serves, and which of its stations (or the expeditor's view of all of them). */
export function SetupScreen({ t, api, onChosen, onSignOut }: Props) {
  const [locations, setLocations] = useState<Location[]>([]);
  const [locationId, setLocationId] = useState<string>('');
  const [stations, setStations] = useState<string[] | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [expeditor, setExpeditor] = useState(false);
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
    onChosen({ locationId, locationName: location?.details.name ?? '', stations: chosen, expeditor });
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
        <fieldset disabled={expeditor}>
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
        <label className="check">
          <input type="checkbox" checked={expeditor} onChange={() => setExpeditor(!expeditor)} />
          {t('expeditor')}
        </label>
        {error && <p className="error" role="alert">{error}</p>}
        <button type="submit" className="primary" disabled={!expeditor && chosen.length === 0}>{t('start')}</button>
        <button type="button" className="link" onClick={onSignOut}>{t('signOut')}</button>
      </form>
    </main>
  );
}
