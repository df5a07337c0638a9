import { useState, type FormEvent, type ReactNode } from 'react';
import { request } from '../shared/http';
import type { Translate } from '../shared/i18n';
import { ApiProblem } from '../shared/problem';
import { StaffSession } from '../shared/staff';
import type { Messages } from './messages';
import { problemMessage } from './problemMessage';

/** The pages a person reaches before having a session: signing up, accepting an invitation, setting a new password. */
export type PublicPage = { kind: 'signup' } | { kind: 'invitation'; token: string } | { kind: 'reset'; token: string }
  | { kind: 'forgot' };

export function publicPageOf(path: string): PublicPage | null {
  const [, , page, token] = path.split('/');
  if (page === 'signup') {
    return { kind: 'signup' };
  }
  if (token && page === 'invitations') {
    return { kind: 'invitation', token };
  }
  if (page === 'password-reset') {
    return token ? { kind: 'reset', token } : { kind: 'forgot' };
  }
  return null;
}

interface Props {
  t: Translate<Messages>;
  page: PublicPage;
  sessionKey: string;
  onSignedIn: (staff: StaffSession) => void;
  onDone: () => void;
}

export function Public({ t, page, sessionKey, onSignedIn, onDone }: Props) {
  switch (page.kind) {
    case 'signup':
      return <SignUp t={t} sessionKey={sessionKey} onSignedIn={onSignedIn} />;
    case 'invitation':
      return <AcceptInvitation t={t} token={page.token} onDone={onDone} />;
    case 'reset':
      return <ResetPassword t={t} token={page.token} onDone={onDone} />;
    case 'forgot':
      return <ForgotPassword t={t} />;
  }
}

/** A form that says what went wrong in the API's own words (field by field where it gives them). */
function Form({ t, title, submit, children, label }: {
  t: Translate<Messages>;
  title: string;
  label: string;
  submit: (form: FormData) => Promise<void>;
  children: ReactNode;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await submit(new FormData(event.currentTarget));
    } catch (failure) {
      setError(problemMessage(failure, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="centered">
      <form className="card form" onSubmit={(event) => void onSubmit(event)}>
        <h1>{title}</h1>
        {children}
        {error && <p className="error" role="alert">{error}</p>}
        <button type="submit" className="primary" disabled={busy}>{label}</button>
      </form>
    </main>
  );
}

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

function SignUp({ t, sessionKey, onSignedIn }: { t: Translate<Messages>; sessionKey: string; onSignedIn: (staff: StaffSession) => void }) {
  const submit = async (form: FormData) => {
    const email = text(form, 'email');
    const password = String(form.get('password') ?? '');
    await request('/api/v1/signup', {
      method: 'POST',
      body: {
        organisation: { name: text(form, 'organisation'), slug: text(form, 'slug') },
        location: {
          name: text(form, 'location'),
          address: { line1: text(form, 'line1'), postalCode: text(form, 'postalCode'), city: text(form, 'city'), country: text(form, 'country').toUpperCase() },
          currency: text(form, 'currency').toUpperCase(),
          timeZone: text(form, 'timeZone'),
          taxRateBasisPoints: Math.round(Number(text(form, 'tax').replace(',', '.')) * 100),
          pricesIncludeTax: true,
          serviceChargeBasisPoints: 0,
          paymentMode: text(form, 'paymentMode'),
        },
        owner: { name: text(form, 'name'), email, password },
      },
    });
    // auth-service learns of the new account from tenant-service's event: a moment after the answer
    for (let attempt = 0; ; attempt++) {
      try {
        onSignedIn(await StaffSession.signIn(sessionKey, email, password));
        history.replaceState(null, '', '/admin/menu');
        return;
      } catch (failure) {
        if (attempt >= 10 || !(failure instanceof ApiProblem) || failure.status !== 401) {
          throw failure;
        }
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  };
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <Form t={t} title={t('signUp')} label={t('signUp')} submit={submit}>
      <label>{t('organisation')}<input name="organisation" required maxLength={120} /></label>
      <label>{t('slug')}<input name="slug" required pattern="[a-z0-9][a-z0-9-]{1,38}[a-z0-9]" maxLength={40} /></label>
      <label>{t('locationName')}<input name="location" required maxLength={120} /></label>
      <label>{t('street')}<input name="line1" required maxLength={200} autoComplete="address-line1" /></label>
      <label>{t('postalCode')}<input name="postalCode" required maxLength={20} autoComplete="postal-code" /></label>
      <label>{t('city')}<input name="city" required maxLength={100} autoComplete="address-level2" /></label>
      <label>{t('country')}<input name="country" required pattern="[A-Za-z]{2}" maxLength={2} autoComplete="country" /></label>
      <label>{t('currencyCode')}<input name="currency" required pattern="[A-Za-z]{3}" maxLength={3} defaultValue="EUR" /></label>
      <label>{t('timeZone')}<input name="timeZone" required defaultValue={zone} /></label>
      <label>{t('taxRate')}<input name="tax" required inputMode="decimal" defaultValue="10" /></label>
      <label>{t('paymentMode')}
        <select name="paymentMode" defaultValue="EITHER">
          <option value="PAY_WHEN_ORDERING">{t('mode_PAY_WHEN_ORDERING')}</option>
          <option value="PAY_AT_THE_END">{t('mode_PAY_AT_THE_END')}</option>
          <option value="EITHER">{t('mode_EITHER')}</option>
        </select>
      </label>
      <label>{t('yourName')}<input name="name" required maxLength={120} autoComplete="name" /></label>
      <label>{t('email')}<input name="email" type="email" required maxLength={254} autoComplete="username" /></label>
      <label>{t('newPassword')}<input name="password" type="password" required minLength={12} maxLength={72} autoComplete="new-password" /></label>
    </Form>
  );
}

function AcceptInvitation({ t, token, onDone }: { t: Translate<Messages>; token: string; onDone: () => void }) {
  const submit = async (form: FormData) => {
    await request(`/api/v1/invitations/${encodeURIComponent(token)}/acceptance`, {
      method: 'POST', body: { name: text(form, 'name'), password: String(form.get('password') ?? '') },
    });
    onDone();
  };
  return (
    <Form t={t} title={t('joinTeam')} label={t('join')} submit={submit}>
      <label>{t('yourName')}<input name="name" required maxLength={120} autoComplete="name" /></label>
      <label>{t('newPassword')}<input name="password" type="password" required minLength={12} maxLength={72} autoComplete="new-password" /></label>
    </Form>
  );
}

function ResetPassword({ t, token, onDone }: { t: Translate<Messages>; token: string; onDone: () => void }) {
  const submit = async (form: FormData) => {
    await request('/api/v1/auth/password-reset/confirmation', {
      method: 'POST', body: { token, newPassword: String(form.get('password') ?? '') },
    });
    onDone();
  };
  return (
    <Form t={t} title={t('chooseNewPassword')} label={t('save')} submit={submit}>
      <label>{t('newPassword')}<input name="password" type="password" required minLength={12} maxLength={72} autoComplete="new-password" /></label>
    </Form>
  );
}

/** Asks for a link to set a new password; the answer is the same whether or not the email has an account. */
function ForgotPassword({ t }: { t: Translate<Messages> }) {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const submit = async (form: FormData) => {
    const email = text(form, 'email');
    await request('/api/v1/auth/password-reset', { method: 'POST', body: { email } });
    setSentTo(email);
  };
  return (
    <Form t={t} title={t('forgotPassword')} label={t('sendResetLink')} submit={submit}>
      {sentTo && <p className="notice" role="status">{t('resetLinkSent', { email: sentTo })}</p>}
      <label>{t('email')}<input name="email" type="email" required maxLength={254} autoComplete="username" /></label>
    </Form>
  );
}
