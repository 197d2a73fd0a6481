// Everything a line's trace says: conditions with values, the formula with numbers, refunds and
// the deductions they return, items of a per-transaction rule, every value read.
import type { LineTrace } from '../../../engine/index.js';
import { formatMoney } from '../format/money.js';
import { engineText } from '../i18n/engine-text.js';
import { useI18n } from '../i18n/i18n.js';
import { ConditionTree } from './condition-tree.js';

export function LineDetail({ trace }: { trace: LineTrace }) {
  const { t, language } = useI18n();
  return (
    <div className="line-detail" data-testid="line-detail">
      {trace.description ? <p className="muted">{trace.description}</p> : null}
      {trace.conditions.length ? <><h5>{t('trace.conditions')}</h5><ConditionTree conditions={trace.conditions} /></> : null}
      {trace.formula ? (
        <>
          <h5>{t('trace.formula')}</h5>
          <pre className="formula" data-testid="formula">{`${engineText(trace.formula.expression, trace.formula.msg?.expression, language)}\n= ${engineText(trace.formula.substituted, trace.formula.msg?.substituted, language)}\n= ${trace.formula.exact} → ${trace.formula.rounded} (${engineText(trace.formula.rounding, trace.formula.msg?.rounding, language)})`}</pre>
        </>
      ) : null}
      {trace.refunds?.length ? (
        <>
          <h5>{t('trace.refunds')}</h5>
          <ul>{trace.refunds.map((r) => (
            <li key={r.source}>{r.source}: {r.share} × {formatMoney(r.deducted, language)} = {formatMoney(r.amount, language)} ({r.returns.map((x) => `${x.period} ${x.amount}`).join(', ')})</li>
          ))}</ul>
        </>
      ) : null}
      {trace.items?.length ? (
        <>
          <h5>{t('trace.items')}</h5>
          <ul>{trace.items.map((it) => (
            <li key={it.id} className={it.paid ? 'held' : 'failed'}>{it.id}: {formatMoney(it.amount, language)}{it.reason ? ` — ${it.reason}` : ''}</li>
          ))}</ul>
        </>
      ) : null}
      {trace.tier ? <p>{t('trace.tier')}: {trace.tier.value}{trace.tier.reached ? ` → ${Object.entries(trace.tier.reached).map(([k, v]) => `${k} ${v}`).join(', ')}` : ''}</p> : null}
      <h5>{t('trace.values')}</h5>
      <dl className="values">
        {Object.entries(trace.values).map(([k, v]) => <div key={k}><dt>{k}</dt><dd>{v}</dd></div>)}
      </dl>
    </div>
  );
}
