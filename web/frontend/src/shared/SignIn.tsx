import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiProblem } from './problem';
import { StaffSession } from './staff';

export interface SignInLabels {
  title: string;
  email: string;
  password: string;
  signIn: string;
  wrongCredentials: string;
  tryAgain: string;
}

/** A staff member signs in on this device; the session is kept under the app's own key. */
export function SignIn({ sessionKey, labels, onSignedIn, notice, footer }: {
  sessionKey: string;
  labels: SignInLabels;
  onSignedIn: (staff: StaffSession) => void;
  notice?: string | null;
  footer?: ReactNode;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    try {
      onSignedIn(await StaffSession.signIn(sessionKey, String(form.get('email')), String(form.get('password'))));
    } catch (failure) {
      setError(failure instanceof ApiProblem && failure.status === 401 ? labels.wrongCredentials : labels.tryAgain);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="centered">
      <form className="card form" onSubmit={(event) => void submit(event)}>
        <h1>{labels.title}</h1>
        {notice && <p className="notice" role="status">{notice}</p>}
        <label>{labels.email}<input name="email" type="email" autoComplete="username" required /></label>
        <label>{labels.password}<input name="password" type="password" autoComplete="current-password" required /></label>
        {error && <p className="error" role="alert">{error}</p>}
        <button type="submit" className="primary" disabled={busy}>{labels.signIn}</button>
        {footer}
      </form>
    </main>
  );
}
