// A failure of the preview as diagnostics: the engine's located problems, or the message of an
// unexpected error at the preview itself.
import { type Diagnostic, RatecardError } from '../../../engine/index.js';

export const diagnosticsOf = (e: unknown): Diagnostic[] => {
  if (e instanceof RatecardError) return e.diagnostics;
  return [{ file: '(preview)', line: 1, column: 1, severity: 'error', field: '', code: 'internal', message: String((e as Error)?.message ?? e) }];
};
