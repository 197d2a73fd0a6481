// One generated function per policy month: the rules generated whole (every part, no
// per-transaction loop), in policy order, in one body. A fact is read once for all of them (the
// first rule that reads it checks and scales it into the function's locals), there is no call
// per rule part, and what a rule makes goes to the month's sink (`paid`, `withheld`,
// `notApplicable`: the same steps the evaluator's loop takes). At a rule it does not have, or
// when a rule's code meets what it cannot do in integers (past 2^53, a division by zero, an
// empty cell), it returns that rule's index before the rule has done anything: the caller
// evaluates that rule by its own loop and calls it again from the next rule on.
import type { CompiledRule } from '../plan.js';
import type { Ctx } from '../runtime.js';
import type { FactRow } from '../../data/dataset.js';
import { Emitter, jsName } from './emitter.js';
import type { ConditionGenScope } from './generate-condition.js';
import { NotGenerated } from './generate-each.js';
import type { PartWriter } from './integer-plan.js';
import { INTEGER_HELPERS } from './integer-runtime.js';

/** Where the month's function sends what each rule makes (rule index in policy order). */
export interface MonthSink {
  /** The rule's rounded amount in units of the policy's scale, before a deduction's sign. */
  paid(rule: number, units: number): void;
  /** The rule's gate failed. */
  withheld(rule: number): void;
  /** The rule's `when` did not hold. */
  notApplicable(rule: number): void;
}

export interface MonthProgram {
  /**
   * Evaluates rules from index `from` on, while each is in this function, for the month of
   * `ctx` (`row`: its facts, `monthOfYear` 0–11); returns the index of the first rule it left
   * untouched (the number of rules when none).
   */
  run: (ctx: Ctx, row: FactRow, sink: MonthSink, monthOfYear: number, from: number) => number;
  /** Rules it evaluates whole, by index. */
  whole: boolean[];
  /** Its source, for reading and for tests. */
  source: string;
}

/** The parts of a rule the month's function writes; none when the rule is not generated whole. */
export interface RuleWriters { when?: PartWriter; gate?: PartWriter; amount?: PartWriter }

type Scope = Omit<ConditionGenScope, 'closure'>;

export function generateMonth(rules: CompiledRule[], writers: RuleWriters[], scope: Scope): MonthProgram | undefined {
  const em = new Emitter('BAIL');
  // the month's row is read by the caller: it calls only when there is one
  em.preamble.set('facts', 'const facts = month_row.values;');
  // a node the generator leaves to a reference closure leaves the whole rule to the caller
  const s: ConditionGenScope = { ...scope, lazyFacts: true, closure: () => { throw new NotGenerated(); } };
  const whole = rules.map(() => false);
  for (const rule of rules) {
    const i = rule.index, w = writers[i];
    if (!w.amount) {
      em.line(`if (from <= ${i}) return ${i}; // ${jsName(rule.id)}: not generated whole`);
      continue;
    }
    const mark = em.mark();
    em.fail = `return ${i}`;
    try {
      em.block(`if (from <= ${i})`, () => em.block(`${label(rule)}:`, () => writeRule(rule, w, em, s)));
      whole[i] = true;
    } catch (e) {
      if (!(e instanceof NotGenerated)) throw e;
      em.rollback(mark);
      em.line(`if (from <= ${i}) return ${i}; // ${jsName(rule.id)}: reads a value by its reference closure`);
    }
  }
  if (!whole.some(Boolean)) return undefined;
  const source = `function month(ctx, month_row, M, month_of_year, from) {\n${[...em.preamble.values()].map((p) => `  ${p}\n`).join('')}${em.body()}\n  return ${rules.length};\n}`;
  try {
    // eslint-disable-next-line no-new-func -- generated from the parsed policy, with generated names only
    const run = new Function('H', 'MAX', `"use strict";\nreturn ${source};`)(INTEGER_HELPERS, Number.MAX_SAFE_INTEGER) as MonthProgram['run'];
    return { run, whole, source };
  } catch {
    return undefined; // code generation not allowed here (no eval): the evaluator's loop does every rule
  }
}

function writeRule(rule: CompiledRule, w: RuleWriters, em: Emitter, s: ConditionGenScope): void {
  const i = rule.index;
  let mask = 0;
  for (let k = 0; k < 12; k++) if (rule.runsIn(k + 1)) mask |= 1 << k;
  if (mask !== 0xfff) em.line(`if (((${mask} >> month_of_year) & 1) === 0) break ${label(rule)}; // not this month of the year`);
  const part = (write: PartWriter): string => {
    const r = write(em, s);
    if (r === undefined) throw new NotGenerated();
    return r;
  };
  if (w.when) em.line(`if (!(${part(w.when)})) { M.notApplicable(${i}); break ${label(rule)}; }`);
  if (w.gate) em.line(`if (!(${part(w.gate)})) { M.withheld(${i}); break ${label(rule)}; }`);
  em.line(`M.paid(${i}, ${part(w.amount!)});`);
}

const label = (rule: CompiledRule) => `rule_${rule.index}_${jsName(rule.id).slice(0, 40)}`;
