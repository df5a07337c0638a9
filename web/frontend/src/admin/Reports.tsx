import { useEffect, useState } from 'react';
import { useLocale, type Translate } from '../shared/i18n';
import { formatMoney } from '../shared/money';
import type { AdminApi, Location, SalesReport } from './api';
import { BarChart } from './BarChart';
import { lastDays } from './dates';
import type { Messages } from './messages';
import { problemMessage } from './problemMessage';

type Period = { days: 7 | 30 } | { from: string; to: string };

/** The location's sales by day and hour, its best-selling dishes and its kitchen's times, over a period of days. */
export function Reports({ t, api, location }: { t: Translate<Messages>; api: AdminApi; location: Location }) {
  const { language } = useLocale();
  const [period, setPeriod] = useState<Period>({ days: 7 });
  const [report, setReport] = useState<SalesReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    const range = 'days' in period ? lastDays(period.days, location.details.timeZone) : period;
    setError(null);
    api.report(location.id, range.from, range.to).then((read) => current && setReport(read),
      (problem: unknown) => current && setError(problemMessage(problem, t)));
    return () => { current = false; };
  }, [api, location, period, t]);

  const money = (minor: number) => formatMoney(minor, report?.currency ?? location.details.currency, language);
  const day = (date: string) => new Date(`${date}T12:00:00Z`).toLocaleDateString(language, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const highestItem = Math.max(1, ...(report?.items ?? []).map((item) => item.quantity));
  const slowest = Math.max(1, ...(report?.stations ?? []).map((station) => station.p90Seconds));

  return (
    <section aria-labelledby="reports-title">
      <header className="section-header">
        <h1 id="reports-title">{t('reports')}</h1>
        <div className="actions" role="group" aria-label={t('period')}>
          {([7, 30] as const).map((days) => (
            <button key={days} type="button" className={'days' in period && period.days === days ? 'primary' : 'secondary'}
              aria-pressed={'days' in period && period.days === days} onClick={() => setPeriod({ days })}>
              {t('lastDays', { days })}
            </button>
          ))}
        </div>
      </header>
      <form key={report ? report.from + report.to : 'none'} className="inline" onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        setPeriod({ from: String(form.get('from')), to: String(form.get('to')) });
      }}>
        <label>{t('from')}<input type="date" name="from" required defaultValue={report?.from} /></label>
        <label>{t('to')}<input type="date" name="to" required defaultValue={report?.to} /></label>
        <button type="submit" className="secondary">{t('show')}</button>
      </form>
      {error && <p className="error" role="alert">{error}</p>}
      {report && (
        <>
          <p className="muted">{t('reportPeriod', { from: day(report.from), to: day(report.to), zone: report.timeZone })}</p>
          <ul className="tiles" data-testid="report-totals">
            <li className="tile"><span className="muted">{t('sales')}</span><strong className="figure">{money(report.totals.sales)}</strong></li>
            <li className="tile"><span className="muted">{t('orderCount')}</span><strong className="figure">{report.totals.orders}</strong></li>
            <li className="tile"><span className="muted">{t('averageOrder')}</span><strong className="figure">{money(report.totals.averageOrder)}</strong></li>
            <li className="tile"><span className="muted">{t('refunded')}</span><strong className="figure">{money(report.totals.refunded)}</strong></li>
          </ul>
          <div className="category">
            <h2>{t('salesByDay')}</h2>
            <BarChart label={t('salesByDay')} every={Math.ceil(report.days.length / 10)} bars={report.days.map((d) => ({
              key: d.date, label: day(d.date), value: d.sales, title: `${day(d.date)}: ${money(d.sales)} · ${t('ordersOf', { count: d.orders })}`,
            }))} />
          </div>
          <div className="category">
            <h2>{t('busiestHours')}</h2>
            <BarChart label={t('busiestHours')} every={3} bars={report.hours.map((h) => ({
              key: String(h.hour), label: `${h.hour}h`, value: h.orders, title: `${h.hour}:00–${h.hour + 1}:00: ${t('ordersOf', { count: h.orders })}`,
            }))} />
          </div>
          <div className="category">
            <h2>{t('popularDishes')}</h2>
            {report.items.length === 0 ? <p className="muted">{t('noSales')}</p> : (
              <ol className="ranking" data-testid="popular-dishes">
                {report.items.map((item) => (
                  <li key={item.itemId}>
                    <span className="grow">{item.name}</span>
                    <span className="meter" aria-hidden="true"><span style={{ width: `${(100 * item.quantity) / highestItem}%` }} /></span>
                    <span>{t('sold', { count: item.quantity })}</span>
                    <span className="price">{money(item.sales)}</span>
                  </li>
                ))}
              </ol>
            )}
          </div>
          <div className="category">
            <h2>{t('prepTimes')}</h2>
            {report.stations.length === 0 ? <p className="muted">{t('noTickets')}</p> : (
              <table className="orders" data-testid="prep-times">
                <thead><tr><th scope="col">{t('station')}</th><th scope="col">{t('tickets')}</th>
                  <th scope="col">{t('median')}</th><th scope="col">{t('slowestTenth')}</th><th scope="col"><span className="visually-hidden">{t('prepTimes')}</span></th></tr></thead>
                <tbody>
                  {report.stations.map((s) => (
                    <tr key={s.station}>
                      <td>{s.station}</td><td>{s.tickets}</td><td>{duration(s.medianSeconds)}</td><td>{duration(s.p90Seconds)}</td>
                      <td className="meter-cell" aria-hidden="true"><span className="meter"><span style={{ width: `${(100 * s.p90Seconds) / slowest}%` }} /></span></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        </>
      )}
    </section>
  );
}

export function duration(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}
