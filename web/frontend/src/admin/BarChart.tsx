export interface Bar {
  key: string;
  /** Shown under the bar, when there is room. */
  label: string;
  value: number;
  /** What the bar stands for, in words: its tooltip and what a screen reader reads. */
  title: string;
}

const WIDTH = 640;
const HEIGHT = 180;
const AXIS = 18;

/**
 * Vertical bars scaled to the largest, drawn in SVG; each bar names itself, and the chart is a list of those names to
 * assistive technology, so the figures are never only a picture.
 */
export function BarChart({ bars, label, every = 1 }: { bars: Bar[]; label: string; every?: number }) {
  const highest = Math.max(1, ...bars.map((bar) => bar.value));
  const slot = WIDTH / Math.max(1, bars.length);
  const width = Math.max(2, slot * 0.7);
  return (
    <svg className="chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="list" aria-label={label}>
      {bars.map((bar, index) => {
        const height = ((HEIGHT - AXIS - 4) * bar.value) / highest;
        const x = index * slot + (slot - width) / 2;
        return (
          <g key={bar.key} role="listitem" aria-label={bar.title}>
            <title>{bar.title}</title>
            <rect x={x} y={HEIGHT - AXIS - height} width={width} height={Math.max(bar.value > 0 ? 1 : 0, height)} rx={2} />
            {index % every === 0 && (
              <text x={x + width / 2} y={HEIGHT - 4} textAnchor="middle" aria-hidden="true">{bar.label}</text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
