// The two objects a run hands evaluatePayee with every payee, made here so that kept-shapes.ts
// keeps one of each layout alive between runs. settlePlan runs once per run, and V8 built these
// literals there without a template of their own: a full collection between runs freed their
// layouts and evaluatePayee, compiled against them, was deoptimized (private-line, 16 runs on a
// collected heap: 7 deoptimizations of evaluatePayee, 1 with these kept).
import type { Exact } from '../exact/exact.js';
import type { EvaluateOptions, PayeeOutput } from '../evaluate/evaluate-payee.js';
import type { UnitSums } from '../evaluate/unit-sums.js';
import type { LineColumns } from '../evaluate/line-columns.js';
import type { ExplanationPool } from '../evaluate/explained-line.js';
import type { Units } from '../messages/localize.js';
import type { LineKind, StatementLine, UnpaidItem, WithheldItem } from '../types.js';

export const evaluateOptions = (
  emitFrom: number, detail: EvaluateOptions['detail'], sums: Record<LineKind, Exact>, unitSums: UnitSums | undefined,
  engine: EvaluateOptions['engine'], lazyReasons: boolean | undefined, explanations: ExplanationPool | undefined, zhUnits: Units | undefined,
): EvaluateOptions => ({ emitFrom, detail, sums, unitSums, engine, lazyReasons, explanations, zhUnits });

export const payeeOutput = (lines: StatementLine[], withheld: WithheldItem[], unpaid: UnpaidItem[] | undefined, columns: LineColumns | undefined): PayeeOutput =>
  ({ lines, withheld, unpaid, columns });
