import type { Translate } from '../shared/i18n';
import { ApiProblem } from '../shared/problem';
import type { Messages } from './messages';

/** What went wrong, in the API's own words (field by field where it gives them); "try again" for anything else. */
export function problemMessage(failure: unknown, t: Translate<Messages>): string {
  if (!(failure instanceof ApiProblem) || failure.status >= 500) {
    return t('tryAgain');
  }
  const errors = failure.body.errors;
  if (Array.isArray(errors) && errors.length > 0) {
    return errors.map((error: { field?: string; message?: string }) => `${error.field}: ${error.message}`).join(' · ');
  }
  return failure.message;
}
