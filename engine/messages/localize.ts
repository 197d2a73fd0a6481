// Traces, reasons and statements in a reader's language. A policy's units (`rate` parameters
// and facts as percentages, `money` as yuan) make 简体中文 show numbers as the form does.
import { LazyFlagged } from '../evaluate/lazy-flagged.js';
import { LazyWithheld } from '../evaluate/lazy-withheld.js';
import { plainLine } from '../evaluate/settled-line.js';
import type { ConditionTrace, FormulaTrace, LineTrace, MessageData, MessageParam, Statement, StatementLine, UnpaidItem, WithheldItem } from '../types.js';
import { explanationMessage } from '../evaluate/trace.js';
import type { Lang } from './message.js';
import { msg } from './msg.js';
import { render } from './render.js';
import { percent, yuan } from './format.js';

/** How a named value is shown: a share as a percentage, an amount as money. */
export type Unit = 'percent' | 'money';
export type Units = Readonly<Record<string, Unit>>;

/** The units of a policy's parameters and facts (rates and ratios as percentages, money as yuan). */
export function unitsOf(policy: { params: { name: string; type: string }[]; facts: { name: string; type: string }[] }): Units {
  const units: Record<string, Unit> = {};
  for (const d of [...policy.params, ...policy.facts]) {
    if (d.type === 'rate' || d.type === 'ratio') units[d.name] = 'percent';
    else if (d.type === 'money') units[d.name] = 'money';
  }
  return units;
}

/** A value in its unit: `0.98` → `98 %`, `1234.5` → `¥1,234.5`; without a unit as it is. */
export const showIn = (text: string, unit: Unit | undefined) => (unit === 'percent' ? percent(text) : unit === 'money' ? yuan(text) : text);

/**
 * The message with the values of condition steps shown in their units; a value compared with
 * a percentage is one too (`fee_ratio 96.12 % ≥ fee_gate 98 %`).
 */
export function withUnits(m: MessageData, units: Units): MessageData {
  const params: Record<string, MessageParam> = {};
  for (const [k, v] of Object.entries(m.params ?? {})) {
    params[k] = Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : withUnits(x, units)))
      : v && typeof v === 'object' ? withUnits(v as MessageData, units) : v;
  }
  if (m.code === 'trace.compare') {
    const factUnit = units[String(params.fact)];
    const valueUnit = params.valueName ? units[String(params.valueName)] : undefined;
    params.factValue = showIn(String(params.factValue), factUnit ?? valueUnit);
    params.value = showIn(String(params.value), valueUnit ?? factUnit);
  }
  return { code: m.code, params };
}

export interface LocalizeOptions { units?: Units }

/** A message in `lang`, its values in their units when the language is not English. */
export function renderIn(m: MessageData, lang: Lang, options: LocalizeOptions = {}): string {
  return render(lang !== 'en' && options.units ? withUnits(m, options.units) : m, lang);
}

/** A condition step's text in `lang`. */
export function conditionText(t: ConditionTrace, lang: Lang, options?: LocalizeOptions): string {
  return lang !== 'en' && t.msg ? renderIn(t.msg, lang, options) : t.text;
}

const ROUNDING = /^(\S+) to (\d+) places$/;

/** A formula's worded parts in `lang`; a plain formula's rounding (`half-up to 2 places`) is read from its text. */
export function formulaTexts(f: FormulaTrace, lang: Lang): { expression: string; substituted: string; rounding: string } {
  if (lang === 'en') return f;
  const m = ROUNDING.exec(f.rounding);
  const rounding = f.msg?.rounding ?? (m ? msg('rounding.mode', { mode: m[1], scale: Number(m[2]) }) : undefined);
  return {
    expression: f.msg?.expression ? render(f.msg.expression, lang) : f.expression,
    substituted: f.msg?.substituted ? render(f.msg.substituted, lang) : f.substituted,
    rounding: rounding ? render(rounding, lang) : f.rounding,
  };
}

/** Why an item was withheld or made no line, in `lang`. */
export function reasonText(item: WithheldItem | UnpaidItem, lang: Lang, options?: LocalizeOptions): string {
  return lang !== 'en' && item.reasonMessage ? renderIn(item.reasonMessage, lang, options) : item.reason;
}

/** A statement line's explanation in `lang`, from its trace (settle with traces, or in `explanation` detail with `lang`). */
export function explanationText(line: StatementLine, lang: Lang, options?: LocalizeOptions): string {
  return traceExplanation(line.trace, lang, options) ?? line.explanation;
}

/** The explanation of a line with this trace in `lang`; undefined where it is the English sentence (English, or a trace without formula and conditions). */
export function traceExplanation(trace: LineTrace, lang: Lang, options?: LocalizeOptions): string | undefined {
  if (lang === 'en' || (!trace.formula && !trace.conditions.length)) return undefined;
  return renderIn(explanationMessage(trace), lang, options);
}

/** A withheld item with every field its own: one made when read (gate or `where`) has accessors, which a spread does not copy. */
const plainItem = (w: WithheldItem): WithheldItem => (w instanceof LazyWithheld || w instanceof LazyFlagged ? w.toJSON() : w);

/** The statement with its explanations and reasons in `lang`. */
export function localizeStatement(statement: Statement, lang: Lang, options?: LocalizeOptions): Statement {
  if (lang === 'en') return statement;
  return {
    ...statement,
    // an explanation or a reason made when read is an accessor, which a spread does not copy: its plain form is
    lines: statement.lines.map((l) => ({ ...plainLine(l), explanation: explanationText(l, lang, options) })),
    withheld: statement.withheld.map((w) => ({ ...plainItem(w), reason: reasonText(w, lang, options) })),
    unpaid: statement.unpaid?.map((u) => ({ ...u, reason: reasonText(u, lang, options) })),
  };
}

/**
 * A `JSON.stringify` replacer that leaves out the messages traces and reasons carry (objects
 * under `msg` and `reasonMessage`, not a value named `msg`): statement JSON stays as it always was.
 */
export const withoutMessages = (key: string, value: unknown) =>
  (key === 'msg' || key === 'reasonMessage') && value !== null && typeof value === 'object' ? undefined : value;
