// A histogram of payee totals as plain SVG, from the preview's columns of whole cents. Bin edges
// are display geometry only; the amounts shown are whole cents printed exactly.
import { centsText } from '../worker/cents.js';
import type { SummaryColumns } from '../worker/payee-columns.js';
import { formatMoney } from '../format/money.js';
import { useI18n } from '../i18n/i18n.js';

const BINS = 20;
const W = 360, H = 120, PAD = 4;

export function DistributionChart({ columns }: { columns: SummaryColumns }) {
  const { t, language } = useI18n();
  const { covered, total } = columns;
  if (!covered.length) return null;
  let min = Infinity, max = -Infinity;
  for (const i of covered) { min = Math.min(min, total[i]); max = Math.max(max, total[i]); }
  const width = max - min || 1;
  const counts = new Array<number>(BINS).fill(0);
  for (const i of covered) counts[Math.min(BINS - 1, Math.floor(((total[i] - min) / width) * BINS))]++;
  const top = Math.max(...counts);
  const bw = (W - 2 * PAD) / BINS;
  return (
    <figure className="chart">
      <figcaption>{t('preview.distribution')} · {t('preview.payees', { n: covered.length })}</figcaption>
      <svg viewBox={`0 0 ${W} ${H + 16}`} role="img" aria-label={t('preview.distribution')}>
        {counts.map((c, i) => {
          const h = top ? ((H - PAD) * c) / top : 0;
          return (
            <rect key={i} x={PAD + i * bw + 1} y={H - h} width={bw - 2} height={h} className="bar">
              <title>{`${c}`}</title>
            </rect>
          );
        })}
        <text x={PAD} y={H + 13} className="axis">{formatMoney(centsText(min), language)}</text>
        <text x={W - PAD} y={H + 13} textAnchor="end" className="axis">{formatMoney(centsText(max), language)}</text>
      </svg>
    </figure>
  );
}
