// A histogram of payee totals as plain SVG. Bin edges are display geometry only; the amounts
// themselves are never computed with floats.
import type { PayeeTotal } from '../worker/protocol.js';
import { formatMoney } from '../format/money.js';
import { useI18n } from '../i18n/i18n.js';

const BINS = 20;
const W = 360, H = 120, PAD = 4;

export function DistributionChart({ payees }: { payees: PayeeTotal[] }) {
  const { t, language } = useI18n();
  if (!payees.length) return null;
  const values = payees.map((p) => Number(p.total));
  const min = Math.min(...values), max = Math.max(...values);
  const width = max - min || 1;
  const counts = new Array<number>(BINS).fill(0);
  for (const v of values) counts[Math.min(BINS - 1, Math.floor(((v - min) / width) * BINS))]++;
  const top = Math.max(...counts);
  const bw = (W - 2 * PAD) / BINS;
  return (
    <figure className="chart">
      <figcaption>{t('preview.distribution')} · {t('preview.payees', { n: payees.length })}</figcaption>
      <svg viewBox={`0 0 ${W} ${H + 16}`} role="img" aria-label={t('preview.distribution')}>
        {counts.map((c, i) => {
          const h = top ? ((H - PAD) * c) / top : 0;
          return (
            <rect key={i} x={PAD + i * bw + 1} y={H - h} width={bw - 2} height={h} className="bar">
              <title>{`${c}`}</title>
            </rect>
          );
        })}
        <text x={PAD} y={H + 13} className="axis">{formatMoney(String(min.toFixed(2)), language)}</text>
        <text x={W - PAD} y={H + 13} textAnchor="end" className="axis">{formatMoney(String(max.toFixed(2)), language)}</text>
      </svg>
    </figure>
  );
}
