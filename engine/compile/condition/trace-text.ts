// The text shared by condition traces: a skipped step, and a step's message turned into a
// reason (the trace's `fee_ratio 0.96 ≥ fee_gate 0.98 → false` without its ` → false`).
import type { ConditionTrace, MessageData } from '../../types.js';
import { render } from '../../messages/render.js';
import { msg } from '../../messages/msg.js';

/** A step of a group after the group was decided. */
export const SKIPPED = msg('trace.skipped');
export const SKIPPED_TEXT = render(SKIPPED);

/** A step's message as a reason: without its `→ result`. */
export function withoutResult(t: ConditionTrace): MessageData {
  if (!t.msg) return msg('text', { text: t.text.replace(/ → (true|false)$/, '') });
  return stripResult(t.msg);
}
function stripResult(m: MessageData): MessageData {
  if (m.code === 'trace.labelled') {
    const text = m.params!.text;
    return { code: m.code, params: { ...m.params, text: typeof text === 'string' ? text.replace(/ → (true|false)$/, '') : stripResult(text as MessageData) } };
  }
  return m.params && 'result' in m.params ? { code: m.code, params: { ...m.params, result: undefined } } : m;
}
