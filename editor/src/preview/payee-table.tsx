// Totals per payee, by kind; a click on a payee opens its trace.
import { useState } from 'react';
import { LINE_KINDS } from '../../../engine/index.js';
import { formatDelta, formatMoney, signClass } from '../format/money.js';
import { useI18n } from '../i18n/i18n.js';
import type { PayeeTotal } from '../worker/protocol.js';

const SHOWN = 200;

interface Props {
  payees: PayeeTotal[];
  /** Change of each payee's total against the saved version, when known. */
  deltas?: Map<string, string>;
  onPick: (id: string) => void;
  picked?: string;
}

export function PayeeTable({ payees, deltas, onPick, picked }: Props) {
  const { t, language } = useI18n();
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const shown = needle ? payees.filter((p) => p.payeeId.toLowerCase().includes(needle) || (p.name ?? '').toLowerCase().includes(needle)) : payees;
  return (
    <div className="payee-table">
      <input type="search" aria-label={t('preview.findPayee')} placeholder={t('preview.findPayee')} value={filter} onChange={(e) => setFilter(e.target.value)} />
      <table aria-label={t('preview.byPayee')}>
        <thead>
          <tr><th>{t('preview.payee')}</th>{LINE_KINDS.map((k) => <th key={k}>{t(`kind.${k}`)}</th>)}<th>{t('kind.total')}</th>{deltas ? <th>{t('impact.delta')}</th> : null}</tr>
        </thead>
        <tbody>
          {shown.slice(0, SHOWN).map((p) => (
            <tr key={p.payeeId} className={p.payeeId === picked ? 'picked' : undefined}>
              <th scope="row">
                <button type="button" className="link" data-testid={`payee-${p.payeeId}`} onClick={() => onPick(p.payeeId)}>{p.payeeId}</button>
                {p.name ? <span className="muted payee-name" title={p.name}>{p.name}</span> : null}
              </th>
              {LINE_KINDS.map((k) => <td key={k} className="money">{formatMoney(p.byKind[k], language)}</td>)}
              <td className="money">{formatMoney(p.total, language)}</td>
              {deltas ? <td className={`money delta ${signClass(deltas.get(p.payeeId) ?? '0')}`}>{formatDelta(deltas.get(p.payeeId) ?? '0', language)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
      {shown.length > SHOWN ? <p className="muted">{t('preview.shownOf', { shown: SHOWN, n: shown.length })}</p> : null}
    </div>
  );
}
