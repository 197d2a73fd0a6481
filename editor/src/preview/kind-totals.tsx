// Totals of the preview by kind (酬金, 扣减, 返还, 奖励) and overall.
import { LINE_KINDS, type Totals } from '../../../engine/index.js';
import { formatDelta, formatMoney, signClass } from '../format/money.js';
import { useI18n } from '../i18n/i18n.js';

export function KindTotals({ totals, delta }: { totals: Totals; delta?: Totals }) {
  const { t, language } = useI18n();
  const row = (key: string, label: string, amount: string, change?: string) => (
    <tr key={key} data-kind={key}>
      <th scope="row">{label}</th>
      <td className="money" data-testid={`total-${key}`}>{formatMoney(amount, language)}</td>
      {delta ? <td className={`money delta ${change ? signClass(change) : ''}`} data-testid={`delta-${key}`}>{change ? formatDelta(change, language) : ''}</td> : null}
    </tr>
  );
  return (
    <table className="totals" aria-label={t('preview.byKind')}>
      <thead><tr><th /><th>{t('impact.after')}</th>{delta ? <th>{t('impact.delta')}</th> : null}</tr></thead>
      <tbody>
        {LINE_KINDS.map((k) => row(k, t(`kind.${k}`), totals.byKind[k], delta?.byKind[k]))}
        {row('total', t('kind.total'), totals.total, delta?.total)}
      </tbody>
    </table>
  );
}
