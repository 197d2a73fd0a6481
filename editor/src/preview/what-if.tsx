// "What if R02 reached 95 %?": one month of the traced payee's facts as inputs; each change
// re-traces the payee at once with the facts changed in place (no dataset upload), and the
// payee's total is shown before and after. The dataset itself is never changed.
import { useState } from 'react';
import { Exact, type Diagnostic } from '../../../engine/index.js';
import { Problems } from '../components/problems.js';
import { DecimalInput } from '../form/decimal-input.js';
import { displayOf } from '../form/display-of.js';
import { formatDelta, formatMoney, signClass } from '../format/money.js';
import { useI18n } from '../i18n/i18n.js';
import type { FactOverride, PolicyOutline } from '../worker/protocol.js';

interface Props {
  payeeId: string;
  facts: Record<string, Record<string, string>>;
  factTypes: PolicyOutline['facts'];
  overrides: FactOverride[];
  diagnostics?: Diagnostic[];
  /** The payee's total without and with the what-if (over the previewed months). */
  totals?: { before: string; after: string };
  onChange: (overrides: FactOverride[]) => void;
}

export function WhatIf({ payeeId, facts, factTypes, overrides, diagnostics, totals, onChange }: Props) {
  const { t, language } = useI18n();
  const periods = Object.keys(facts).sort();
  const [period, setPeriod] = useState(() => overrides[0]?.period ?? periods[0]);
  const month = facts[period] ?? {};
  const valueOf = (fact: string) => overrides.find((o) => o.period === period && o.fact === fact)?.value ?? month[fact] ?? '';
  const set = (fact: string, value: string) => {
    const rest = overrides.filter((o) => !(o.period === period && o.fact === fact));
    onChange(value === month[fact] ? rest : [...rest, { period, fact, value }]);
  };
  const delta = totals ? Exact.parse(totals.after).sub(Exact.parse(totals.before)).toFixed(2) : undefined;
  return (
    <details className="what-if" data-testid="what-if">
      <summary>{t('whatIf.title', { payee: payeeId })}</summary>
      <p className="muted">{t('whatIf.note')}</p>
      <label>{t('trace.period')}{' '}
        <select aria-label={t('whatIf.month')} value={period} onChange={(e) => setPeriod(e.target.value)}>
          {periods.map((p) => <option key={p} value={p}>{p}{overrides.some((o) => o.period === p) ? ' *' : ''}</option>)}
        </select>
      </label>
      <table className="param-table what-if-facts">
        <thead><tr><th>{t('whatIf.fact')}</th><th>{t('whatIf.dataset')}</th><th>{t('whatIf.value')}</th></tr></thead>
        <tbody>
          {factTypes.filter((f) => f.name in month).map((f) => (
            <tr key={f.name} className={valueOf(f.name) !== month[f.name] ? 'changed' : undefined}>
              <th scope="row" title={f.description}>{f.name}</th>
              <td className="money">{f.type === 'money' ? formatMoney(month[f.name], language) : month[f.name]}</td>
              <td>
                <DecimalInput key={`${period}/${f.name}`} label={`${f.name} ${period} — ${t('whatIf.value')}`} value={valueOf(f.name)}
                  display={displayOf(f.type)} onCommit={(v) => set(f.name, v)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {overrides.length ? (
        <p data-testid="what-if-result">
          {t('whatIf.changed', { n: overrides.length })}{' '}
          {totals && delta !== undefined ? <>{t('whatIf.total')}: {formatMoney(totals.before, language)} → <strong>{formatMoney(totals.after, language)}</strong> (<span className={`delta ${signClass(delta)}`}>{formatDelta(delta, language)}</span>)</> : null}
          {' '}<button type="button" onClick={() => onChange([])}>{t('whatIf.reset')}</button>
        </p>
      ) : null}
      {diagnostics?.length ? <Problems diagnostics={diagnostics} title={t('whatIf.problems')} /> : null}
    </details>
  );
}
