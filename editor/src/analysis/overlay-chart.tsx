// Two payout distributions over the same bins, A as an outline over B filled. Floats are used
// only to place the bars; the amounts themselves stay exact strings.
import { formatMoney } from '../format/money.js';
import { useI18n } from '../i18n/i18n.js';
import type { PayeeChange } from '../worker/analysis-protocol.js';

const BINS = 20;
const W = 480, H = 120, PAD = 4;

function counts(values: number[], min: number, width: number): number[] {
  const out = new Array<number>(BINS).fill(0);
  for (const v of values) out[Math.max(0, Math.min(BINS - 1, Math.floor(((v - min) / width) * BINS)))]++;
  return out;
}

export function OverlayChart({ payees, labels }: { payees: PayeeChange[]; labels: [string, string] }) {
  const { t, language } = useI18n();
  if (!payees.length) return null;
  const a = payees.map((p) => Number(p.before)), b = payees.map((p) => Number(p.after));
  const min = Math.min(...a, ...b), max = Math.max(...a, ...b);
  const width = max - min || 1;
  const ca = counts(a, min, width), cb = counts(b, min, width);
  const top = Math.max(...ca, ...cb);
  const bw = (W - 2 * PAD) / BINS;
  const bars = (c: number[], cls: string) => c.map((n, i) => {
    const h = top ? ((H - PAD) * n) / top : 0;
    return <rect key={`${cls}${i}`} x={PAD + i * bw + 1} y={H - h} width={bw - 2} height={h} className={cls}><title>{`${n}`}</title></rect>;
  });
  return (
    <figure className="chart overlay" data-testid="overlay-chart">
      <figcaption>{t('compare.distribution')} · <span className="key-b">■</span> {labels[1]} · <span className="key-a">□</span> {labels[0]}</figcaption>
      <svg viewBox={`0 0 ${W} ${H + 16}`} role="img" aria-label={`${t('compare.distribution')}: ${labels[0]} / ${labels[1]}`}>
        {bars(cb, 'bar')}
        {bars(ca, 'bar-before')}
        <text x={PAD} y={H + 13} className="axis">{formatMoney(min.toFixed(2), language)}</text>
        <text x={W - PAD} y={H + 13} textAnchor="end" className="axis">{formatMoney(max.toFixed(2), language)}</text>
      </svg>
    </figure>
  );
}
