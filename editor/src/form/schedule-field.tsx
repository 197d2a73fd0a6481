// A schedule parameter (checkpoint → key → share) as a table: a row per checkpoint, a column per
// key used anywhere; an empty cell adds that key to the checkpoint.
import type { ParamInfo } from '../../../engine/index.js';
import { useI18n } from '../i18n/i18n.js';
import { DecimalInput } from './decimal-input.js';
import { paramLabel } from './param-label.js';
import type { FieldEdits } from './param-field.js';

export function ScheduleField({ param, value, edits }: { param: ParamInfo; value: Record<string, Record<string, string>>; edits: FieldEdits }) {
  const { t } = useI18n();
  const keys = [...new Set(Object.values(value).flatMap((row) => Object.keys(row)))].sort();
  return (
    <table className="param-table">
      <thead><tr><th />{keys.map((k) => <th key={k}>{k}</th>)}<th /></tr></thead>
      <tbody>
        {Object.entries(value).map(([checkpoint, row]) => (
          <tr key={checkpoint}>
            <th scope="row">{checkpoint}</th>
            {keys.map((k) => (
              <td key={k}>
                {row[k] === undefined
                  ? <button type="button" className="add-cell" aria-label={`${param.name} ${checkpoint} ${k} +`} onClick={() => edits.set([checkpoint, k], '0')}>+</button>
                  : <DecimalInput label={paramLabel(param, checkpoint, k)} value={row[k]} display="plain" onCommit={(x) => edits.set([checkpoint, k], x)} />}
              </td>
            ))}
            <td><button type="button" aria-label={`${t('form.removeRow')} ${param.name} ${checkpoint}`} onClick={() => edits.remove([checkpoint])}>×</button></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
