import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { LocaleContext, translator, useLanguage, useLocale, type Translate } from '../shared/i18n';
import { LanguagePicker } from '../shared/LanguagePicker';
import { ApiProblem } from '../shared/problem';
import type { Push } from '../shared/live';
import { useLive } from '../shared/useLive';
import { DinerApi, type Cart, type NewLine, type Order } from './api';
import { BillView } from './BillView';
import { CartView } from './CartView';
import { ItemSheet } from './ItemSheet';
import type { DinerMenu, Item } from './menu';
import { MenuView } from './MenuView';
import { messages, type Messages } from './messages';
import { orderOfPage, paymentConfirmed } from './checkout';
import { showsPush } from './freshness';
import { Names } from './names';
import { OrdersView } from './OrdersView';
import { forgetSession } from './session';

type Tab = 'menu' | 'cart' | 'orders' | 'bill';

/** How often the shared cart is read again while someone looks at it: other phones add to it without a push. */
const CART_REFRESH_MS = 3000;

const MENU_RENDERED = 'urop:menu-rendered';

/** How many times, a second apart, a checkout is asked for while payment-service has not yet heard of the order. */
const CHECKOUT_ATTEMPTS = 20;

/** How often, and how many times, what was paid on Stripe's page is read again until its payment is confirmed. */
const PAYMENT_CHECK_MS = 2000;
const PAYMENT_CHECKS = 60;

/** The diner's app, for the table session the page was opened with ({@code api} null without one). */
export function App({ api }: { api: DinerApi | null }) {
  const locale = useLanguage();
  const { language } = locale;
  const t = useMemo(() => translator(messages, language), [language]);

  return (
    <LocaleContext.Provider value={locale}>
      {api ? <Table api={api} /> : <main className="notice"><p>{t('noSession')}</p></main>}
    </LocaleContext.Provider>
  );
}

function Table({ api }: { api: DinerApi }) {
  const { language } = useLocale();
  const t = useMemo(() => translator(messages, language), [language]);
  const session = api.session;
  const [menu, setMenu] = useState<DinerMenu | null>(null);
  const [cart, setCart] = useState<Cart>({ lines: [], total: 0, submission: 'TABLE' });
  const [orders, setOrders] = useState<Order[]>([]);
  const [tab, setTab] = useState<Tab>(() => tabOf(window.location.pathname));
  const [billVersion, setBillVersion] = useState(0);
  const [open, setOpen] = useState<Item | null>(null);
  const [notice, setNotice] = useState<string | null>(() => checkoutReturn(t));
  const [confirming, setConfirming] = useState(() => new URLSearchParams(window.location.search).get('checkout') === 'paid');
  const paymentHeard = useRef(false);
  // only read while confirming, that is after a paid return
  const paidOrder = useMemo(() => orderOfPage(window.location.pathname), []);
  const [over, setOver] = useState(false);
  const [sending, setSending] = useState(false);
  const [guestName, setGuestName] = useState(() => localStorage.getItem('urop.guest-name') ?? '');
  const submission = useRef<string | null>(null);
  const names = useMemo(() => new Names(menu), [menu]);
  // the moment a diner sees the menu, for the browser's own timeline (bench/web reads it)
  useEffect(() => {
    if (menu && performance.getEntriesByName(MENU_RENDERED).length === 0) {
      performance.mark(MENU_RENDERED);
    }
  }, [menu]);

  const fail = useCallback((error: unknown) => {
    if (error instanceof ApiProblem && (error.status === 401 || error.status === 410)) {
      forgetSession(localStorage);
      setOver(true);
    } else if (error instanceof ApiProblem && error.retryable) {
      setNotice(t('busy'));
    } else {
      setNotice(error instanceof ApiProblem && error.status < 500 ? error.message : t('tryAgain'));
    }
  }, [t]);

  /**
   * Reads the menu, again every second while it does not yet show what a push announced: menu-service's caches catch
   * up in moments, in 5 s at worst (its memory's time to live).
   */
  const readMenu = useCallback(async (after?: Push) => {
    for (let attempt = 0; attempt < 10; attempt++) {
      const read = await api.menu(language);
      setMenu(read);
      if (!after || showsPush(read, after)) {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }, [api, language]);

  useEffect(() => {
    readMenu().catch(fail);
  }, [readMenu, fail]);

  const readOrders = useCallback(() => api.orders().then(setOrders, fail), [api, fail]);
  useEffect(() => {
    api.cart().then(setCart, fail);
    void readOrders();
  }, [api, fail, readOrders]);

  // back from Stripe's page: what was paid shows once Stripe's webhook has reached payment-service and order-service
  // (the return itself proves nothing); read again until it shows as paid (checkout.paymentConfirmed), or for two
  // minutes
  useEffect(() => {
    if (confirming && paymentConfirmed(paidOrder, orders, paymentHeard.current)) {
      setConfirming(false);
      setNotice((shown) => (shown === t('paidReturn') ? t('paidConfirmed') : shown));
    }
  }, [confirming, orders, paidOrder, t]);

  useEffect(() => {
    if (!confirming) {
      return undefined;
    }
    let checks = 0;
    const timer = setInterval(() => {
      void readOrders();
      setBillVersion((version) => version + 1);
      if (++checks >= PAYMENT_CHECKS) {
        clearInterval(timer);
      }
    }, PAYMENT_CHECK_MS);
    return () => clearInterval(timer);
  }, [confirming, readOrders]);

  useEffect(() => {
    if (tab !== 'cart') {
      return undefined;
    }
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') {
        api.cart().then(setCart, () => {});
      }
    }, CART_REFRESH_MS);
    return () => clearInterval(timer);
  }, [api, tab]);

  const online = useLive([`session:${session.session}`, `menu:${session.location}`], {
    token: () => api.token(),
    onPush: (push: Push) => {
      if (push.stream.startsWith('menu:')) {
        readMenu(push).catch(() => {});
      } else if (typeof push.data.orderId === 'string' || push.type.startsWith('payment.')) {
        void readOrders();
      }
      if (push.type === 'tab.changed' || push.type.startsWith('payment.')) {
        setBillVersion((version) => version + 1);
      }
      if (push.type === 'payment.succeeded') {
        paymentHeard.current = true;
      }
      if (push.type === 'table.session-closed') {
        forgetSession(localStorage);
        setOver(true);
      }
    },
    onSnapshot: () => void readOrders(),
    onResync: () => void readOrders(),
  });

  const add = async (line: NewLine) => {
    if (line.guestName) {
      localStorage.setItem('urop.guest-name', line.guestName);
      setGuestName(line.guestName);
    }
    try {
      setCart(await api.addLine(line));
      setOpen(null);
    } catch (error) {
      fail(error);
    }
  };

  const send = async () => {
    setSending(true);
    submission.current ??= crypto.randomUUID();
    try {
      const order = await api.submit(submission.current);
      submission.current = null;
      setOrders((current) => [...current.filter((o) => o.id !== order.id), order]);
      setCart(await api.cart());
      setTab('orders');
    } catch (error) {
      if (error instanceof ApiProblem && error.status < 500) {
        submission.current = null;
      }
      fail(error);
    } finally {
      setSending(false);
    }
  };

  const callStaff = async (reason: 'WAITER' | 'BILL', button: HTMLElement) => {
    button.closest('details')?.removeAttribute('open');
    try {
      await api.callStaff(reason, guestName || null);
      setNotice(t('staffCalled'));
    } catch (error) {
      fail(error);
    }
  };

  /** payment-service hears of a new order from order-service's event: a moment after it was placed, 404 until then. */
  const pay = async (order: Order, tipPercent: number) => {
    for (let attempt = 1; ; attempt++) {
      try {
        window.location.assign((await api.checkout(order.id, tipPercent)).url);
        return;
      } catch (error) {
        if (!(error instanceof ApiProblem && error.status === 404) || attempt >= CHECKOUT_ATTEMPTS) {
          fail(error);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  };

  if (over) {
    return <main className="notice"><p>{t('sessionOver')}</p></main>;
  }
  const locale = language;
  const count = cart.lines.reduce((sum, line) => sum + line.quantity, 0);
  return (
    <div className="app">
      <header className="top">
        <h1>{t(tab)}</h1>
        <div className="top-actions">
          <details className="call">
            <summary>{t('callStaff')}</summary>
            <div className="call-menu">
              {(['WAITER', 'BILL'] as const).map((reason) => (
                <button key={reason} type="button" onClick={(event) => void callStaff(reason, event.currentTarget)}>
                  {t(reason === 'WAITER' ? 'callWaiter' : 'callBill')}
                </button>
              ))}
            </div>
          </details>
          <LanguagePicker label={t('language')} className="language" />
        </div>
      </header>
      {online === false && <p className="banner" role="status">{t('offline')}</p>}
      {notice && <p className="banner info" role="alert" onClick={() => setNotice(null)}>{notice}</p>}
      <main>
        {tab === 'menu' && menu && <MenuView menu={menu} locale={locale} t={t} onOpen={setOpen} />}
        {tab === 'cart' && <CartView cart={cart} currency={menu?.currency ?? 'EUR'} locale={locale} t={t} names={names} sending={sending}
          onRemove={(id) => api.removeLine(id).then(setCart, fail)} onSend={() => void send()} />}
        {tab === 'bill' && <BillView api={api} locale={locale} t={t} version={billVersion} onFail={fail} />}
        {tab === 'orders' && <OrdersView orders={orders} locale={locale} t={t} names={names} onPay={(order, tip) => void pay(order, tip)} />}
      </main>
      <nav className="tabs" aria-label="urop">
        {(['menu', 'cart', 'orders', 'bill'] as const).map((name) => (
          <button key={name} type="button" aria-current={tab === name ? 'page' : undefined}
            onClick={() => { setTab(name); if (name === 'cart') { api.cart().then(setCart, fail); } }}>
            {t(name === 'cart' ? 'cartTab' : name)}{name === 'cart' && count > 0 && <span className="badge" aria-label={`(${count})`}>{count}</span>}
          </button>
        ))}
      </nav>
      {open && menu && <ItemSheet item={open} currency={menu.currency} locale={locale} t={t} guestName={guestName}
        onAdd={add} onClose={() => setOpen(null)} />}
    </div>
  );
}

/** The tab a path opens: Stripe sends a phone back to /table/orders/{id} or /table/bill. */
function tabOf(path: string): Tab {
  return path.includes('/orders') ? 'orders' : path.endsWith('/bill') ? 'bill' : 'menu';
}

/** Stripe sends the phone back with ?checkout=paid|cancelled; it proves nothing, the order's state will say. */
function checkoutReturn(t: Translate<Messages>): string | null {
  const outcome = new URLSearchParams(window.location.search).get('checkout');
  return outcome === 'paid' ? t('paidReturn') : outcome === 'cancelled' ? t('cancelledReturn') : null;
}
