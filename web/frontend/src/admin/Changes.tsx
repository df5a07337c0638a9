import type { Translate } from '../shared/i18n';
import type { MenuChange } from './api';
import type { Messages } from './messages';

/** What changed between two versions of a menu, one line per dish, category or serving time. */
export function Changes({ t, changes, label }: { t: Translate<Messages>; changes: MenuChange[]; label: string }) {
  return (
    <ul className="changes" aria-label={label}>
      {changes.map((change) => (
        <li key={`${change.part}-${change.id ?? ''}-${change.kind}`} className={`change ${change.kind.toLowerCase()}`}>
          <strong>{t(`change_${change.kind}`)}</strong> {t(`part_${change.part}`)} <q>{change.name}</q>
          {change.kind === 'CHANGED' && change.fields.length > 0 && <span className="muted"> · {change.fields.join(', ')}</span>}
        </li>
      ))}
    </ul>
  );
}
