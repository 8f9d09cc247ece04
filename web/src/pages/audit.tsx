/**
 * The audit: for a chosen span of months, one figure per principle with its trend against the
 * month before, the sentence that explains the principle, and the monthly series as a chart.
 */
import { useMemo, useState } from 'preact/hooks';
import { api } from '../api.js';
import type { AuditFigure, AuditReport, FigureMonth } from '../api-types.js';
import { PrincipleBadge } from '../components/badges.js';
import { LineChart } from '../components/line-chart.js';
import { formatDay, monthOf } from '../dates.js';
import { useLoad } from '../use-load.js';
import { useWorkspace } from '../workspace-context.js';

export function AuditPage() {
  const { at } = useWorkspace();
  const [from, setFrom] = useState(monthOf(at, 5));
  const [to, setTo] = useState(monthOf(at));
  const valid = /^\d{4}-\d{2}$/.test(from) && /^\d{4}-\d{2}$/.test(to) && from <= to;
  const report = useLoad(() => (valid ? api.audit(`${from}-01`, lastDayOf(to), at) : Promise.resolve(undefined)), [from, to, at, valid]);

  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">Audit</h1>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <span class="field">
          <label for="audit-from">From month</label>
          <input id="audit-from" type="month" value={from} max={to} onInput={(e) => setFrom(e.currentTarget.value)} />
        </span>
        <span class="field">
          <label for="audit-to">To month</label>
          <input id="audit-to" type="month" value={to} min={from} onInput={(e) => setTo(e.currentTarget.value)} />
        </span>
      </form>
      {!valid && <p class="error" role="alert">Choose a first month that is not after the last one.</p>}
      {report.error && <p class="error" role="alert">{report.error}</p>}
      {report.loading && <p class="muted" role="status">Counting…</p>}
      {report.data && <Report report={report.data} />}
    </section>
  );
}

/** The last day of a YYYY-MM month, as the API's day format (a day means its end). */
function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

function Report({ report }: { report: AuditReport }) {
  return (
    <>
      <p class="muted">
        {formatDay(report.from)} to {formatDay(report.to)}
        {report.dataSpan && ` · your data runs from ${formatDay(report.dataSpan.first)} to ${formatDay(report.dataSpan.last)}`}
      </p>
      {report.notice && <p class="notice">{report.notice}</p>}
      <ol class="figures">
        {report.figures.map((figure) => <li key={figure.id}><Figure figure={figure} months={report.months} /></li>)}
      </ol>
    </>
  );
}

const TREND_ARROW: Record<FigureMonth['trend'], string> = { up: '↑', down: '↓', flat: '→', new: '•', none: '' };

function Figure({ figure, months }: { figure: AuditFigure; months: readonly string[] }) {
  const latest = figure.latest;
  const series = useMemo(() => {
    const byMonth = new Map(figure.months.map((m) => [m.month, m.value]));
    return [{ label: figure.title, values: months.map((m) => toChartValue(byMonth.get(m) ?? null, figure.unit)) }];
  }, [figure, months]);
  const titleId = `figure-${figure.id}`;
  return (
    <article class="card figure" aria-labelledby={titleId}>
      <h2 id={titleId}>{figure.title}</h2>
      <p><PrincipleBadge id={figure.principle} />{figure.principles.filter((p) => p !== figure.principle).map((p) => <span key={p}> <PrincipleBadge id={p} /></span>)}</p>
      <p class="explain">{figure.explanation}</p>
      <p class="figure-value">
        {latest ? (
          <>
            <strong>{formatValue(latest.value, figure.unit)}</strong> in {latest.month}{' '}
            {latest.trend !== 'none' && (
              <span class={latest.better === null ? 'trend' : latest.better ? 'trend better' : 'trend worse'}>
                <span aria-hidden="true">{TREND_ARROW[latest.trend]}</span> {trendWords(latest)}
              </span>
            )}
          </>
        ) : 'Nothing to measure in this period.'}
      </p>
      {latest && <p class="muted">{latest.detail}</p>}
      <p class="muted">{figure.reading}</p>
      {months.length > 1 && <LineChart caption={`${figure.title} by month`} labels={months} series={series} {...(figure.unit === 'share' ? { yMax: 100 } : {})} />}
      {latest && latest.examples.length > 0 && (
        <details>
          <summary>Examples from {latest.month}</summary>
          <ul class="timeline">
            {latest.examples.map((ex, i) => (
              <li key={i}>
                <time dateTime={ex.at}>{formatDay(ex.at)}</time> {ex.handle && <span class="handle">{ex.handle}</span>} {ex.what}
                {ex.text && <p class="text">{ex.text}</p>}
              </li>
            ))}
          </ul>
        </details>
      )}
    </article>
  );
}

function trendWords(month: FigureMonth): string {
  if (month.trend === 'new') return 'first month with something to measure';
  const change = month.trend === 'flat' ? 'about the same as' : month.trend === 'up' ? 'up from' : 'down from';
  const judged = month.better === null ? '' : month.better ? ' (better)' : ' (worse)';
  return `${change} the month before${judged}`;
}

function toChartValue(value: number | null, unit: AuditFigure['unit']): number | null {
  if (value === null) return null;
  return unit === 'share' ? Math.round(value * 1000) / 10 : Math.round(value * 10) / 10;
}

function formatValue(value: number | null, unit: AuditFigure['unit']): string {
  if (value === null) return '—';
  if (unit === 'share') return `${Math.round(value * 100)}%`;
  if (unit === 'hours') return value < 48 ? `${value.toFixed(1)} h` : `${(value / 24).toFixed(1)} days`;
  return String(Math.round(value * 10) / 10);
}
