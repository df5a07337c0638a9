import { useEffect, useState } from 'react';
import type { Translate } from '../shared/i18n';
import type { AdminApi, PaymentAccount } from './api';
import type { Messages } from './messages';

const ONBOARDING_CHECK_MS = 2000;
const ONBOARDING_CHECKS = 30;

/**
 * The restaurant's own Stripe account: connected and able to take payments, or the way to Stripe's onboarding. Until it
 * takes payments, diners pay at the counter.
 */
export function Payments({ t, api }: { t: Translate<Messages>; api: AdminApi }) {
  const [account, setAccount] = useState<PaymentAccount | null>(null);
  const [error, setError] = useState<string | null>(null);
  const back = new URLSearchParams(window.location.search).get('onboarding');

  useEffect(() => {
    api.paymentAccount().then(setAccount, () => setError(t('tryAgain')));
  }, [api, t]);
  // back from Stripe's onboarding, the account is read again until Stripe's word reaches payment-service
  const waiting = back === 'done' && account !== null && !account.takesPayments;
  useEffect(() => {
    if (!waiting) {
      return;
    }
    let checks = 0;
    const timer = setInterval(() => {
      if (++checks > ONBOARDING_CHECKS) {
        clearInterval(timer);
      }
      api.paymentAccount().then(setAccount, () => {});
    }, ONBOARDING_CHECK_MS);
    return () => clearInterval(timer);
  }, [api, waiting]);

  const connect = async () => {
    try {
      window.location.assign((await api.onboardingLink()).url);
    } catch {
      setError(t('tryAgain'));
    }
  };

  return (
    <section aria-labelledby="payments-title">
      <h1 id="payments-title">{t('payments')}</h1>
      {error && <p className="error" role="alert">{error}</p>}
      {back === 'done' && !account?.takesPayments && <p className="notice" role="status">{t('onboardingChecking')}</p>}
      {account && (
        <div className="category">
          <p role="status" data-testid="payment-account">
            {account.takesPayments ? t('takesPayments') : account.connected ? t('onboardingUnfinished') : t('notConnected')}
          </p>
          {!account.takesPayments && (
            <button type="button" className="primary" onClick={() => void connect()}>
              {account.connected ? t('continueOnboarding') : t('connectStripe')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
