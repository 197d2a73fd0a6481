// The one error type for user mistakes: it carries located diagnostics, and shells print
// them as `file:line:column field: message` instead of a stack trace.
import type { Text } from './messages/message.js';
import { render } from './messages/render.js';
import { type Diagnostic, formatDiagnostic } from './types.js';

export class RatecardError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'RatecardError';
  }
}

/** A located error; a message with a code keeps it (`msg`) beside its English text, to render in another language. */
export function errorAt(
  at: { file: string; line: number; column: number; endLine?: number; endColumn?: number },
  field: string,
  message: Text,
  code: string,
): Diagnostic {
  if (typeof message === 'string') return { ...at, severity: 'error', field, message, code };
  return { ...at, severity: 'error', field, message: render(message, 'en'), code, msg: message };
}
