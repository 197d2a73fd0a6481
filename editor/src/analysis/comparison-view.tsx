// A comparison of two versions: totals by kind side by side, compensation as a share of revenue,
// both distributions overlaid, a breakdown by any payee attribute, the payees that changed most
// and, for a chosen payee, every line before and after.
import { useState } from 'react';
import { Exact, LINE_KINDS } from '../../../engine/index.js';
import { formatDelta, formatMoney, signClass } from '../format/money.js';
import { useI18n } from '../i18n/i18n.js';
import type { Comparison, GroupRow } from '../worker/analysis-protocol.js';
import { attributeLabel } from './attribute-label.js';
import { OverlayChart } from './overlay-chart.js';

const SHOWN = 50;
const percent = (share: string | undefined) => (share === undefined ? '—' : `${share} %`);

function Money({ amount, delta, testid }: { amount: string; delta?: boolean; testid?: string }) {
  const { language } = useI18n();
  return <td className={`money${delta ? ` delta ${signClass(amount)}` : ''}`} data-testid={testid}>{delta ? formatDelta(amount, language) : formatMoney(amount, language)}</td>;
}

function Groups({ rows, attribute, shares }: { rows: GroupRow[]; attribute: string; shares: boolean }) {
  const { t, language } = useI18n();
  return (
    <table className="compare-table" data-testid="compare-groups" aria-label={`${t('compare.byAttribute')} ${attributeLabel(attribute, language)}`}>
      <thead><tr><th>{attributeLabel(attribute, language)}</th><th>{t('compare.payeeCount')}</th><th>A</th><th>B</th><th>{t('impact.delta')}</th>
        {shares ? <><th>{t('compare.shareBefore')}</th><th>{t('compare.shareAfter')}</th></> : null}</tr></thead>
      <tbody>
        {rows.map((g) => (
          <tr key={g.value} data-group={g.value}>
            <th scope="row">{g.value}</th><td>{g.payees}</td>
            <Money amount={g.before} /><Money amount={g.after} /><Money amount={g.delta} delta />
            {shares ? <><td>{percent(g.share?.before)}</td><td>{percent(g.share?.after)}</td></> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ComparisonView({ comparison: c, labels, onPickPayee }: { comparison: Comparison; labels: [string, string]; onPickPayee: (id: string) => void }) {
  const { t, language } = useI18n();
  const attributes = Object.keys(c.groups);
  const [attribute, setAttribute] = useState(attributes.includes('region') ? 'region' : attributes[0]);
  const shown = attributes.includes(attribute) ? attribute : attributes[0];
  const changed = c.payees.filter((p) => p.delta !== '0.00')
    .sort((p, q) => Exact.parse(q.delta).abs().cmp(Exact.parse(p.delta).abs()) || (p.payeeId < q.payeeId ? -1 : 1));
  return (
    <div className="comparison" data-testid="comparison">
      <p className="muted">{c.from} – {c.to} · {t('impact.changedLines', { n: c.changedLines })}</p>
      <div className="compare-grid">
        <table className="compare-table" aria-label={t('compare.byKind')} data-testid="compare-totals">
          <thead><tr><th /><th>A · {labels[0]}</th><th>B · {labels[1]}</th><th>{t('impact.delta')}</th></tr></thead>
          <tbody>
            {[...LINE_KINDS, 'total' as const].map((k) => (
              <tr key={k}>
                <th scope="row">{t(`kind.${k}`)}</th>
                <Money amount={k === 'total' ? c.before.total : c.before.byKind[k]} testid={`cmp-before-${k}`} />
                <Money amount={k === 'total' ? c.after.total : c.after.byKind[k]} testid={`cmp-after-${k}`} />
                <Money amount={k === 'total' ? c.delta.total : c.delta.byKind[k]} delta testid={`cmp-delta-${k}`} />
              </tr>
            ))}
            {c.revenue ? (
              <tr data-testid="compare-share">
                <th scope="row">{t('compare.share')}<br /><span className="muted">{t('compare.revenue', { fact: c.revenue.fact })} {formatMoney(c.revenue.revenue, language)}</span></th>
                <td data-testid="share-before">{percent(c.revenue.before)}</td><td data-testid="share-after">{percent(c.revenue.after)}</td><td />
              </tr>
            ) : null}
          </tbody>
        </table>
        <OverlayChart payees={c.payees} labels={labels} />
      </div>
      {c.revenueProblem ? <p className="note error" data-testid="revenue-problem">{c.revenueProblem}</p> : null}
      {shown ? (
        <>
          <label>{t('compare.byAttribute')}{' '}
            <select aria-label={t('compare.byAttribute')} value={shown} onChange={(e) => setAttribute(e.target.value)}>
              {attributes.map((a) => <option key={a} value={a}>{attributeLabel(a, language)}</option>)}
            </select>
          </label>
          <Groups rows={c.groups[shown]} attribute={shown} shares={Boolean(c.revenue)} />
        </>
      ) : null}
      <h4>{t('compare.payees')}</h4>
      {!changed.length ? <p className="muted">{t('compare.noChange')}</p> : (
        <>
          {changed.length > SHOWN ? <p className="muted">{t('compare.shownOf', { shown: SHOWN, n: changed.length })}</p> : null}
          <table className="compare-table" data-testid="compare-payees" aria-label={t('compare.payees')}>
            <thead><tr><th>{t('preview.payee')}</th><th>A</th><th>B</th><th>{t('impact.delta')}</th></tr></thead>
            <tbody>
              {changed.slice(0, SHOWN).map((p) => (
                <tr key={p.payeeId}>
                  <th scope="row"><button type="button" className="link" onClick={() => onPickPayee(p.payeeId)}>{p.payeeId}</button></th>
                  <Money amount={p.before} /><Money amount={p.after} /><Money amount={p.delta} delta />
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {c.payeeId && c.lines ? (
        <table className="compare-table" data-testid="compare-lines" aria-label={t('compare.lines', { payee: c.payeeId })}>
          <caption>{t('compare.lines', { payee: c.payeeId })}</caption>
          <thead><tr><th>{t('trace.period')}</th><th>{t('trace.line')}</th><th>{t('export.kind')}</th><th>A</th><th>B</th><th>{t('impact.delta')}</th></tr></thead>
          <tbody>
            {c.lines.map((l) => (
              <tr key={`${l.period}/${l.line}/${l.kind}`}>
                <td>{l.period}</td><td>{l.line}</td><td>{t(`kind.${l.kind}`)}</td>
                <Money amount={l.before} /><Money amount={l.after} /><Money amount={l.delta} delta />
              </tr>
            ))}
          </tbody>
        </table>
      ) : <p className="muted">{t('compare.pickPayee')}</p>}
    </div>
  );
}
