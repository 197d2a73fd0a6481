// Conditions of a rule with the values they saw, as a nested list.
import type { ConditionTrace } from '../../../engine/index.js';

export function ConditionTree({ conditions }: { conditions: ConditionTrace[] }) {
  if (!conditions.length) return null;
  return (
    <ul className="conditions">
      {conditions.map((c, i) => (
        <li key={i} className={c.result ? 'held' : 'failed'}>
          <span className="mark">{c.result ? '✓' : '✗'}</span> {c.name ? <b>{c.name}: </b> : null}<code>{c.text}</code>
          {c.children ? <ConditionTree conditions={c.children} /> : null}
        </li>
      ))}
    </ul>
  );
}
