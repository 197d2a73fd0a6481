// A tiers parameter as an editable table: one row per tier, one column per declared column.
import type { ParamInfo } from '../../../engine/index.js';
import { useI18n } from '../i18n/i18n.js';
import { DecimalInput } from './decimal-input.js';
import { displayOf } from './display-of.js';
import { paramLabel } from './param-label.js';
import type { FieldEdits } from './param-field.js';

export function TiersField({ param, rows, edits }: { param: ParamInfo; rows: Record<string, string>[]; edits: FieldEdits }) {
  const { t } = useI18n();
  const columns = Object.keys(param.columns ?? rows[0] ?? {});
  return (
    <table className="param-table">
      <thead><tr><th>#</th>{columns.map((c) => <th key={c}>{c}</th>)}<th /></tr></thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={i}>
            <th scope="row">{i + 1}</th>
            {columns.map((c) => (
              <td key={c}>
                {row[c] === undefined ? <span className="muted">—</span> : (
                  <DecimalInput label={paramLabel(param, i + 1, c)} value={row[c]} display={displayOf(param.columns?.[c])} onCommit={(x) => edits.set([i, c], x)} />
                )}
              </td>
            ))}
            <td><button type="button" aria-label={`${t('form.removeRow')} ${param.name} ${i + 1}`} onClick={() => edits.remove([i])}>×</button></td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr><td colSpan={columns.length + 2}>
          <button type="button" onClick={() => edits.appendRow(Object.fromEntries(columns.filter((c) => c !== 'max').map((c) => [c, '0'])))}>{t('form.addRow')}</button>
        </td></tr>
      </tfoot>
    </table>
  );
}
