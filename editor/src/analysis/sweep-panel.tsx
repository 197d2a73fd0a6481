// Sensitivity: one scalar parameter swept over a range (typed as the form types it: a rate in %,
// money in ¥), the total cost of the dataset for each value as a table and a line chart. The
// values are exact decimals; the chart places points with floats derived from them.
import { useState } from 'react';
import { Exact, type ParamInfo, type Totals } from '../../../engine/index.js';
import { displayOf } from '../form/display-of.js';
import { formatDelta, formatMoney } from '../format/money.js';
import { formatParamValue } from '../format/param-value.js';
import { parseDecimal, percentToRate, rateToPercent } from '../format/percent.js';
import { useI18n } from '../i18n/i18n.js';
import type { AnalysisClient } from '../worker/analysis-client.js';
import type { SweepPoint } from '../worker/analysis-protocol.js';
import type { PeriodRange } from '../worker/protocol.js';
import { sweepValues } from '../worker/sweep.js';

const W = 480, H = 160, PAD = 30;

interface Props { client: AnalysisClient; file: string; text: string; params: ParamInfo[]; range: PeriodRange; title: (p: ParamInfo) => string }

const scalar = (p: ParamInfo): p is ParamInfo & { value: string } => typeof p.value === 'string';

function Chart({ points, param, caption }: { points: { value: string; totals: Totals }[]; param: ParamInfo; caption: string }) {
  const { language } = useI18n();
  if (points.length < 2) return null;
  const xs = points.map((p) => Number(p.value)), ys = points.map((p) => Number(p.totals.total));
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)], [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  const x = (v: number) => PAD + ((v - x0) / (x1 - x0 || 1)) * (W - 2 * PAD);
  const y = (v: number) => H - PAD / 2 - ((v - y0) / (y1 - y0 || 1)) * (H - PAD);
  const path = points.map((_, i) => `${i ? 'L' : 'M'}${x(xs[i]).toFixed(1)},${y(ys[i]).toFixed(1)}`).join(' ');
  const lo = points[ys.indexOf(y0)], hi = points[ys.indexOf(y1)];
  return (
    <figure className="chart sweep-chart" data-testid="sweep-chart">
      <figcaption>{caption}</figcaption>
      <svg viewBox={`0 0 ${W} ${H + 16}`} role="img" aria-label={`${caption}: ${formatMoney(lo.totals.total, language)} – ${formatMoney(hi.totals.total, language)}`}>
        <path d={path} className="line" />
        {points.map((p, i) => <circle key={p.value} cx={x(xs[i])} cy={y(ys[i])} r={3} className="point"><title>{`${formatParamValue(p.value, param.type, language)}: ${formatMoney(p.totals.total, language)}`}</title></circle>)}
        <text x={PAD} y={H + 13} className="axis">{formatParamValue(points[0].value, param.type, language)}</text>
        <text x={W - PAD} y={H + 13} textAnchor="end" className="axis">{formatParamValue(points[points.length - 1].value, param.type, language)}</text>
        <text x={2} y={y(y1) + 3} className="axis">{formatMoney(hi.totals.total, language)}</text>
        <text x={2} y={y(y0) - 3} className="axis">{formatMoney(lo.totals.total, language)}</text>
      </svg>
    </figure>
  );
}

export function SweepPanel({ client, file, text, params, range, title }: Props) {
  const { t, language } = useI18n();
  const numeric = params.filter(scalar);
  const [name, setName] = useState(numeric[0]?.name ?? '');
  const param = numeric.find((p) => p.name === name) ?? numeric[0];
  const shownValue = (v: string) => (param?.type === 'rate' ? rateToPercent(v) : v);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [steps, setSteps] = useState('9');
  const [points, setPoints] = useState<SweepPoint[] | undefined>();
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  if (!param) return null;
  const read = (typed: string) => (displayOf(param.type) === 'percent' ? percentToRate(typed) : parseDecimal(typed));
  const run = () => {
    const a = read(from || shownValue(param.value)), b = read(to);
    if (a === undefined || b === undefined) { setProblem(t('sweep.badRange')); return; }
    setProblem('');
    setBusy(true);
    void client.ask({ type: 'sweep', file, text, param: param.name, values: sweepValues(a, b, Number(steps) || 9), range }).then((m) => {
      if (!m) return;
      setBusy(false);
      setPoints(m.points);
    });
  };
  const settled = (points ?? []).filter((p): p is { value: string; totals: Totals } => 'totals' in p);
  const current = settled.find((p) => Exact.parse(p.value).eq(Exact.parse(param.value)));
  const unit = param.type === 'rate' ? ' (%)' : param.type === 'money' ? ' (¥)' : '';
  return (
    <section className="sweep-panel" aria-label={t('sweep.title')} aria-busy={busy} data-testid="sweep-panel" data-busy={busy}>
      <h3>{t('sweep.title')} {busy ? <span className="busy">{t('compare.computing')}</span> : null}</h3>
      <div className="compare-pick">
        <label>{t('sweep.param')} <select aria-label={t('sweep.param')} value={param.name} onChange={(e) => { setName(e.target.value); setPoints(undefined); }}>
          {numeric.map((p) => <option key={p.name} value={p.name}>{title(p)}</option>)}
        </select></label>
        <label>{t('sweep.from')}{unit} <input aria-label={`${t('sweep.from')}${unit}`} size={8} value={from} placeholder={shownValue(param.value)} onChange={(e) => setFrom(e.target.value)} /></label>
        <label>{t('sweep.to')}{unit} <input aria-label={`${t('sweep.to')}${unit}`} size={8} value={to} onChange={(e) => setTo(e.target.value)} /></label>
        <label>{t('sweep.steps')} <input aria-label={t('sweep.steps')} type="number" min={2} max={41} value={steps} onChange={(e) => setSteps(e.target.value)} /></label>
        <button type="button" onClick={run}>{t('sweep.run')}</button>
      </div>
      {problem ? <p className="note error" role="alert">{problem}</p> : null}
      {points ? (
        <div className="compare-grid">
          <table className="compare-table" data-testid="sweep-table" aria-label={t('sweep.chart', { param: title(param) })}>
            <thead><tr><th>{t('sweep.value')}</th><th>{t('sweep.total')}</th><th>{t('impact.delta')}</th></tr></thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.value} data-value={p.value} className={p === current ? 'current' : undefined}>
                  <th scope="row">{formatParamValue(p.value, param.type, language)}{p === current ? ` (${t('sweep.current')})` : ''}</th>
                  {'totals' in p ? <>
                    <td className="money">{formatMoney(p.totals.total, language)}</td>
                    <td className="money">{current ? formatDelta(Exact.parse(p.totals.total).sub(Exact.parse(current.totals.total)).toFixed(2), language) : ''}</td>
                  </> : <td colSpan={2} className="error">{t('sweep.failed')}: {p.diagnostics[0]?.message}</td>}
                </tr>
              ))}
            </tbody>
          </table>
          <Chart points={settled} param={param} caption={t('sweep.chart', { param: title(param) })} />
        </div>
      ) : null}
    </section>
  );
}
