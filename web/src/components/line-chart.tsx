/**
 * A line chart drawn by chart.js on a canvas. The canvas has a text alternative (the caption
 * and a visually hidden table of the same numbers), since a chart alone says nothing to a
 * screen reader. chart.js is most of the bundle, so it is loaded only when a chart is shown.
 */
import type { Chart as ChartType } from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';

let loading: Promise<typeof ChartType> | undefined;

function loadChart(): Promise<typeof ChartType> {
  loading ??= import('chart.js').then(({ CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip }) => {
    Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Tooltip, Legend);
    return Chart;
  });
  return loading;
}

export interface Series {
  readonly label: string;
  readonly values: readonly (number | null)[];
}

const COLOURS = ['#1f5fa8', '#b3261e', '#2e7d32', '#7b4ea3', '#a35c00'];

export function LineChart({ caption, labels, series, yMax }: { caption: string; labels: readonly string[]; series: readonly Series[]; yMax?: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    let chart: ChartType<'line'> | undefined;
    let cancelled = false;
    void loadChart().then((Chart) => {
      if (cancelled || !canvas.current) return;
      chart = new Chart(canvas.current, {
        type: 'line',
        data: {
          labels: [...labels],
          datasets: series.map((s, i) => ({
            label: s.label,
            data: [...s.values],
            borderColor: COLOURS[i % COLOURS.length],
            backgroundColor: COLOURS[i % COLOURS.length],
            tension: 0.25,
            spanGaps: true,
            pointRadius: 3,
          })),
        },
        options: {
          animation: false,
          maintainAspectRatio: false,
          scales: { y: { beginAtZero: true, ...(yMax === undefined ? {} : { max: yMax }) } },
          plugins: { legend: { display: series.length > 1 } },
        },
      });
    });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [labels, series, yMax]);

  return (
    <figure class="chart">
      <figcaption>{caption}</figcaption>
      <div class="chart-box">
        <canvas ref={canvas} role="img" aria-label={caption} />
      </div>
      {/* Wrapped: a table would widen to its content despite the hiding styles. */}
      <div class="visually-hidden">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Period</th>
              {series.map((s) => <th scope="col" key={s.label}>{s.label}</th>)}
            </tr>
          </thead>
          <tbody>
            {labels.map((label, row) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {series.map((s) => <td key={s.label}>{s.values[row] ?? '—'}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
