// The one error type for user mistakes: it carries located diagnostics, and shells print
// them as `file:line:column field: message` instead of a stack trace.
import { type Diagnostic, formatDiagnostic } from './types.js';

export class RatecardError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'RatecardError';
  }
}

export function errorAt(
  at: { file: string; line: number; column: number; endLine?: number; endColumn?: number },
  field: string,
  message: string,
  code: string,
): Diagnostic {
  return { ...at, severity: 'error', field, message, code };
}
