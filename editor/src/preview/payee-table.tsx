// Totals per payee, by kind; a click on a payee opens its trace.
import { LINE_KINDS } from '../../../engine/index.js';
import { formatMoney } from '../format/money.js';
import { useI18n } from '../i18n/i18n.js';
import type { PayeeTotal } from '../worker/protocol.js';

const SHOWN = 200;

export function PayeeTable({ payees, onPick, picked }: { payees: PayeeTotal[]; onPick: (id: string) => void; picked?: string }) {
  const { t, language } = useI18n();
  return (
    <div className="payee-table">
      <table aria-label={t('preview.byPayee')}>
        <thead>
          <tr><th>{t('preview.payee')}</th>{LINE_KINDS.map((k) => <th key={k}>{t(`kind.${k}`)}</th>)}<th>{t('kind.total')}</th></tr>
        </thead>
        <tbody>
          {payees.slice(0, SHOWN).map((p) => (
            <tr key={p.payeeId} className={p.payeeId === picked ? 'picked' : undefined}>
              <th scope="row">
                <button type="button" className="link" data-testid={`payee-${p.payeeId}`} onClick={() => onPick(p.payeeId)}>{p.payeeId}</button>
                {p.name ? <span className="muted"> {p.name}</span> : null}
              </th>
              {LINE_KINDS.map((k) => <td key={k} className="money">{formatMoney(p.byKind[k], language)}</td>)}
              <td className="money">{formatMoney(p.total, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {payees.length > SHOWN ? <p className="muted">… {t('preview.payees', { n: payees.length })}</p> : null}
    </div>
  );
}
