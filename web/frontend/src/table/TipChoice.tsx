import type { Translate } from '../shared/i18n';
import type { Messages } from './messages';

const TIPS = [0, 5, 10, 15] as const;

/** The tip a diner adds to what they pay, as a share of it. */
export function TipChoice({ t, name, value, onChange }: { t: Translate<Messages>; name: string; value: number; onChange: (percent: number) => void }) {
  return (
    <fieldset className="chips">
      <legend>{t('tip')}</legend>
      {TIPS.map((percent) => (
        <label key={percent} className="chip">
          <input type="radio" name={name} checked={value === percent} onChange={() => onChange(percent)} />
          {percent === 0 ? t('noTip') : `${percent} %`}
        </label>
      ))}
    </fieldset>
  );
}
