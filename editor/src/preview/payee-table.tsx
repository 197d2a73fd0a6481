// Totals per payee, by kind; a click on a payee opens its trace. Made from the preview's columns
// (payee-columns.ts): only the rows shown are made, so 100,000 payees cost 200 rows.
import { useMemo, useState } from 'react';
import { LINE_KINDS } from '../../../engine/index.js';
import { formatDelta, formatMoney, signClass } from '../format/money.js';
import { useI18n } from '../i18n/i18n.js';
import { centsText } from '../worker/cents.js';
import type { PreviewSummary } from '../worker/protocol.js';

const SHOWN = 200;

interface Props {
  summary: PreviewSummary;
  /** Change of the total of the payee at an index of payees.csv against the saved version, when known. */
  deltaOf?: (i: number) => string;
  onPick: (id: string) => void;
  picked?: string;
}

/** The first `SHOWN` covered payees matching `needle` (indices of payees.csv), and how many match. */
function matching({ columns, list }: PreviewSummary, needle: string): { rows: number[]; count: number } {
  if (!needle) return { rows: Array.from(columns.covered.subarray(0, SHOWN)), count: columns.covered.length };
  const rows: number[] = [];
  let count = 0;
  for (const i of columns.covered) {
    if (!list.ids[i].toLowerCase().includes(needle) && !(list.names[i] ?? '').toLowerCase().includes(needle)) continue;
    if (count++ < SHOWN) rows.push(i);
  }
  return { rows, count };
}

export function PayeeTable({ summary, deltaOf, onPick, picked }: Props) {
  const { t, language } = useI18n();
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const { rows, count } = useMemo(() => matching(summary, needle), [summary, needle]);
  const { list, columns } = summary;
  return (
    <div className="payee-table">
      <input type="search" aria-label={t('preview.findPayee')} placeholder={t('preview.findPayee')} value={filter} onChange={(e) => setFilter(e.target.value)} />
      <table aria-label={t('preview.byPayee')}>
        <thead>
          <tr><th>{t('preview.payee')}</th>{LINE_KINDS.map((k) => <th key={k}>{t(`kind.${k}`)}</th>)}<th>{t('kind.total')}</th>{deltaOf ? <th>{t('impact.delta')}</th> : null}</tr>
        </thead>
        <tbody>
          {rows.map((i) => {
            const id = list.ids[i], name = list.names[i], delta = deltaOf?.(i);
            return (
              <tr key={id} className={id === picked ? 'picked' : undefined}>
                <th scope="row">
                  <button type="button" className="link" data-testid={`payee-${id}`} onClick={() => onPick(id)}>{id}</button>
                  {name ? <span className="muted payee-name" title={name}>{name}</span> : null}
                </th>
                {LINE_KINDS.map((k) => <td key={k} className="money">{formatMoney(centsText(columns.byKind[k][i]), language)}</td>)}
                <td className="money">{formatMoney(centsText(columns.total[i]), language)}</td>
                {delta !== undefined ? <td className={`money delta ${signClass(delta)}`}>{formatDelta(delta, language)}</td> : null}
              </tr>
            );
          })}
        </tbody>
      </table>
      {count > SHOWN ? <p className="muted">{t('preview.shownOf', { shown: SHOWN, n: count })}</p> : null}
    </div>
  );
}
