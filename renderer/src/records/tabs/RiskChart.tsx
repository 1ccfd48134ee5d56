import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/index.ts';
import type { RiskTrend } from '../api.ts';
import { formatDate } from '../format.ts';

const W = 640;
const H = 200;
const PAD = { left: 36, right: 12, top: 12, bottom: 28 };
/** threat × vulnerability / capacity, each 1–5: from 0.2 to 25. */
const MAX = 25;

/**
 * Risk over time as a small hand-drawn SVG line (no chart library: nothing to load, nothing to
 * audit). The same numbers are in the table next to it for screen readers.
 */
export function RiskChart({ points }: { points: RiskTrend['points'] }) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n);
  if (points.length === 0) return null;
  const x = (i: number) =>
    points.length === 1
      ? (PAD.left + W - PAD.right) / 2
      : PAD.left + (i * (W - PAD.left - PAD.right)) / (points.length - 1);
  const y = (score: number) => PAD.top + (1 - score / MAX) * (H - PAD.top - PAD.bottom);
  const path = points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.score).toFixed(1)}`)
    .join(' ');
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      width="100%"
      role="img"
      aria-label={t('records.risk.chartLabel')}
      data-testid="risk-chart"
    >
      {[0, 5, 10, 15, 20, 25].map((v) => (
        <g key={v}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="#ced4da" strokeWidth={1} />
          <text x={PAD.left - 6} y={y(v) + 4} fontSize={11} textAnchor="end" fill="#495057">
            {v}
          </text>
        </g>
      ))}
      <path d={path} fill="none" stroke="#c92a2a" strokeWidth={2.5} />
      {points.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a fixed, dated series (two on one day are possible)
        <g key={`${p.on}-${i}`}>
          <circle cx={x(i)} cy={y(p.score)} r={4} fill="#c92a2a" />
          <text
            x={x(i)}
            y={H - 8}
            fontSize={11}
            textAnchor={
              points.length > 1 && i === 0
                ? 'start'
                : points.length > 1 && i === points.length - 1
                  ? 'end'
                  : 'middle'
            }
            fill="#495057"
          >
            {formatDate(p.on, lang)}
          </text>
        </g>
      ))}
    </svg>
  );
}
