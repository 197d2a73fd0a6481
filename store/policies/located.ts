// Where registry messages point: a top-level key of a policy's YAML text, or the store itself.
import { type Diagnostic, errorAt, RatecardError } from '../../engine/index.js';

/** Line and column of a top-level `key:` of YAML `text` (1:1 when it is absent). */
export function keyAt(text: string, key: string): { line: number; column: number } {
  const index = text.split('\n').findIndex((l) => l.startsWith(`${key}:`));
  return { line: index < 0 ? 1 : index + 1, column: 1 };
}

/** A located error at a key of a policy file. */
export const atKey = (source: { file: string; text: string }, key: string, field: string, message: string, code: string): Diagnostic =>
  errorAt({ file: source.file, ...keyAt(source.text, key) }, field, message, code);

/** A located error about the store (`where`: its name in messages). */
export const atStore = (where: string, field: string, message: string, code: string): RatecardError =>
  new RatecardError([errorAt({ file: where, line: 1, column: 1 }, field, message, code)]);

/** `policy@version`, as the CLI and messages name a version. */
export const ref = (policyId: string, version: string) => `\`${policyId}@${version}\``;

/** Codes of the refusals of the approval process (the CLI exits 3 on them, the service answers 409 or 403). */
export const APPROVAL_REFUSALS: ReadonlySet<string> = new Set(['self-approval', 'bad-transition', 'version-taken', 'not-yours', 'not-approved']);

/** Whether `e` is a refusal of the approval process (rather than a mistake in the input). */
export const isApprovalRefusal = (e: unknown): e is RatecardError =>
  e instanceof RatecardError && e.diagnostics.some((d) => APPROVAL_REFUSALS.has(d.code));
