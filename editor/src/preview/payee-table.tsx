// Totals per payee, by kind; a click on a payee opens its trace. Made from the preview's columns
// (payee-columns.ts). Every covered payee can be scrolled to; past a few hundred, only the rows
// in view (and a few more) are in the page (@tanstack/react-virtual): a table of 200 rows laid
// out again at every edit left 11–14 MB of Blink's layout objects in the page per edit at
// 100,000 payees, collected only at rest.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { LINE_KINDS } from '../../../engine/index.js';
import { formatDelta, formatMoney, signClass } from '../format/money.js';
import { useI18n } from '../i18n/i18n.js';
import { centsText } from '../worker/cents.js';
import type { PreviewSummary } from '../worker/protocol.js';

/** Up to this many rows the table holds them all; past it, the rows in view. */
const ALL_ROWS = 200;
/** A row's height before it is measured (a payee with its name on a second line). */
const ROW_PX = 38;

interface Props {
  summary: PreviewSummary;
  /** Change of the total of the payee at an index of payees.csv against the saved version, when known. */
  deltaOf?: (i: number) => string;
  onPick: (id: string) => void;
  picked?: string;
}

/** The covered payees matching `needle` (indices of payees.csv, in file order). */
function matching({ columns, list }: PreviewSummary, needle: string): ArrayLike<number> {
  if (!needle) return columns.covered;
  const rows: number[] = [];
  for (const i of columns.covered) if (list.ids[i].toLowerCase().includes(needle) || (list.names[i] ?? '').toLowerCase().includes(needle)) rows.push(i);
  return rows;
}

export function PayeeTable({ summary, deltaOf, onPick, picked }: Props) {
  const { t, language } = useI18n();
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const rows = useMemo(() => matching(summary, needle), [summary, needle]);
  const { list, columns } = summary;
  const scroller = useRef<HTMLDivElement>(null);
  const some = rows.length > ALL_ROWS;
  const virtual = useVirtualizer({
    count: some ? rows.length : 0, getScrollElement: () => scroller.current, estimateSize: () => ROW_PX, overscan: 10,
    getItemKey: (k) => list.ids[rows[k]],
  });
  const items = some ? virtual.getVirtualItems() : undefined;
  const shown = items ? items.map((v) => v.index) : Array.from({ length: rows.length }, (_, k) => k);
  const before = items?.length ? items[0].start : 0;
  const after = items?.length ? virtual.getTotalSize() - items[items.length - 1].end : 0;
  const columnCount = LINE_KINDS.length + 2 + (deltaOf ? 1 : 0);
  const spacer = (px: number, key: string) => (px > 0 ? <tr key={key} aria-hidden="true" className="spacer"><td colSpan={columnCount} style={{ height: px, padding: 0, border: 0 }} /></tr> : null);
  return (
    <div className="payee-table" ref={scroller}>
      <input type="search" aria-label={t('preview.findPayee')} placeholder={t('preview.findPayee')} value={filter} onChange={(e) => setFilter(e.target.value)} />
      <table aria-label={t('preview.byPayee')} aria-rowcount={rows.length + 1}>
        <thead>
          <tr><th>{t('preview.payee')}</th>{LINE_KINDS.map((k) => <th key={k}>{t(`kind.${k}`)}</th>)}<th>{t('kind.total')}</th>{deltaOf ? <th>{t('impact.delta')}</th> : null}</tr>
        </thead>
        <tbody>
          {spacer(before, 'before')}
          {shown.map((k) => {
            const i = rows[k], id = list.ids[i], name = list.names[i], delta = deltaOf?.(i);
            return (
              <tr key={id} className={id === picked ? 'picked' : undefined} data-index={k} ref={items ? virtual.measureElement : undefined} aria-rowindex={k + 2}>
                <th scope="row">
                  <button type="button" className="link" data-testid={`payee-${id}`} onClick={() => onPick(id)}>{id}</button>
                  {name ? <span className="muted payee-name" title={name}>{name}</span> : null}
                </th>
                {LINE_KINDS.map((kind) => <td key={kind} className="money">{formatMoney(centsText(columns.byKind[kind][i]), language)}</td>)}
                <td className="money">{formatMoney(centsText(columns.total[i]), language)}</td>
                {delta !== undefined ? <td className={`money delta ${signClass(delta)}`}>{formatDelta(delta, language)}</td> : null}
              </tr>
            );
          })}
          {spacer(after, 'after')}
        </tbody>
      </table>
      {some ? <p className="muted">{t('preview.scrollAll', { n: rows.length })}</p> : null}
    </div>
  );
}
