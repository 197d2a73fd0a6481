// The engine's diagnostics as Monaco markers (owner `ratecard`), at their line and column.
import type { Diagnostic } from '../../../engine/index.js';

export interface MarkerData {
  severity: number;
  message: string;
  source: string;
  code: string;
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

/** Monaco's MarkerSeverity values. */
export const SEVERITY = { error: 8, warning: 4 } as const;

/** `message`: the diagnostic's text in the reader's language (default: the engine's English). */
export function diagnosticToMarker(d: Diagnostic, lineLength: (line: number) => number, message = d.message): MarkerData {
  const endLine = d.endLine ?? d.line;
  const sameSpot = (d.endLine ?? d.line) === d.line && (d.endColumn ?? d.column) <= d.column;
  return {
    severity: SEVERITY[d.severity],
    message: d.field ? `${d.field}: ${message}` : message,
    source: 'ratecard',
    code: d.code,
    startLineNumber: d.line,
    startColumn: d.column,
    endLineNumber: endLine,
    // A point diagnostic underlines to the end of its line, so it can be seen.
    endColumn: sameSpot ? Math.max(d.column + 1, lineLength(d.line) + 1) : (d.endColumn ?? d.column + 1),
  };
}
