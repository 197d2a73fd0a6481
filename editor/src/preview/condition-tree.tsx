// Conditions of a rule with the values they saw, as a nested list.
import type { ConditionTrace } from '../../../engine/index.js';
import { engineText } from '../i18n/engine-text.js';
import { useI18n } from '../i18n/i18n.js';

export function ConditionTree({ conditions }: { conditions: ConditionTrace[] }) {
  const { language } = useI18n();
  if (!conditions.length) return null;
  return (
    <ul className="conditions">
      {conditions.map((c, i) => (
        <li key={i} className={c.result ? 'held' : 'failed'}>
          <span className="mark">{c.result ? '✓' : '✗'}</span> {c.name ? <b>{c.name}: </b> : null}<code>{engineText(c.text, c.msg, language)}</code>
          {c.children ? <ConditionTree conditions={c.children} /> : null}
        </li>
      ))}
    </ul>
  );
}
