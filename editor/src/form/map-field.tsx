// A map parameter (e.g. card_rate per operator) as key/value rows, with a row to add a key.
import { useState } from 'react';
import type { ParamInfo } from '../../../engine/index.js';
import { useI18n } from '../i18n/i18n.js';
import { DecimalInput } from './decimal-input.js';
import { displayOf } from './display-of.js';
import { paramLabel } from './param-label.js';
import type { FieldEdits } from './param-field.js';

export function MapField({ param, value, edits }: { param: ParamInfo; value: Record<string, string>; edits: FieldEdits }) {
  const { t } = useI18n();
  const [newKey, setNewKey] = useState('');
  return (
    <table className="param-table">
      <tbody>
        {Object.entries(value).map(([k, v]) => (
          <tr key={k}>
            <th scope="row">{k}</th>
            <td><DecimalInput label={paramLabel(param, k)} value={v} display={displayOf(param.of)} onCommit={(x) => edits.set([k], x)} /></td>
            <td><button type="button" aria-label={`${t('form.removeRow')} ${param.name} ${k}`} onClick={() => edits.remove([k])}>×</button></td>
          </tr>
        ))}
        <tr>
          <td colSpan={3}>
            <input aria-label={`${param.name} ${t('form.key')}`} placeholder={t('form.key')} value={newKey} onChange={(e) => setNewKey(e.target.value)} />
            <button type="button" disabled={!/^[A-Za-z_][\w-]*$/.test(newKey) || newKey in value} onClick={() => { edits.set([newKey], '0'); setNewKey(''); }}>{t('form.addKey')}</button>
          </td>
        </tr>
      </tbody>
    </table>
  );
}
