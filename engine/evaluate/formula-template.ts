// A formula with its numbers (`38 * 20 + 9 * 50`), as `Formula.render` writes it, compiled once
// per rule into fixed text and holes for the values it reads: where a formula's parentheses go
// depends on its shape only, a parameter's text never changes, so a line joins the pieces with
// the text of each fact, metric or line it read. Formulas of numbers, names, arithmetic and
// min / max / floor / ceil / abs / round only; any other (windows, `if`, lists, months) renders
// as before. Every name such a formula reads was read to compute it, so no hole can fail where
// computing did not.
import type { BinaryOp, Expr } from '../expression/ast.js';
import { parseExpression } from '../expression/parse-expression.js';
import type { Formula, Plan } from '../compile/plan.js';
import type { Ctx } from '../compile/runtime.js';
import { formatValue } from '../compile/values.js';
import { combinedParts } from '../compile/compile-amount.js';
import { Exact } from '../exact/exact.js';

/** Text, or a value read by name; `paren`: in parentheses unless its text is a plain name or number. */
type Part = string | { name: string; paren?: boolean };

/** `pieces[0] + value(names[0]) + pieces[1] + … + pieces[n]`. */
export interface FormulaTemplate { pieces: string[]; names: string[]; parens: boolean[] }

// as compile-expression prints them: a child of lower precedence is put in parentheses
const PRECEDENCE: Partial<Record<BinaryOp, number>> = { '+': 5, '-': 5, '*': 6, '/': 6 };
const CALLS = new Set(['min', 'max', 'floor', 'ceil', 'abs', 'round']);
const PLAIN = /^[\w.]+$/;

/** The template of a formula, or undefined when it is rendered by its closures. */
export function formulaTemplate(plan: Plan, formula: Formula): FormulaTemplate | undefined {
  const months = new Set(['this_month', ...[...plan.layout.facts, ...(plan.layout.payeeFields ?? [])].filter((f) => f.type === 'month').map((f) => f.name)]);
  const constant = (name: string) => {
    const v = plan.params.get(name);
    return v instanceof Exact ? formatValue(v) : undefined;
  };
  const combined = combinedParts(formula);
  const parts: Part[] = [];
  if (combined) {
    // a primitive (`percent_of`, …): its parts' texts in its own template, each in parentheses unless plain
    for (let i = 0; i < combined.parts.length; i++) {
      parts.push(combined.pieces[i]);
      const inner = partsOf(combined.parts[i], months, constant);
      if (!inner) return undefined;
      if (inner.length === 1 && typeof inner[0] !== 'string') parts.push({ name: inner[0].name, paren: true });
      else if (inner.every((p) => typeof p === 'string')) { const s = inner.join(''); parts.push(PLAIN.test(s) ? s : `(${s})`); }
      // text around a value always holds a space, an operator or a bracket
      else parts.push('(', ...inner, ')');
    }
    parts.push(combined.pieces[combined.parts.length]);
  } else {
    const inner = partsOf(formula.text, months, constant);
    if (!inner) return undefined;
    parts.push(...inner);
  }
  const t: FormulaTemplate = { pieces: [''], names: [], parens: [] };
  for (const p of parts) {
    if (typeof p === 'string') t.pieces[t.pieces.length - 1] += p;
    else { t.names.push(p.name); t.parens.push(!!p.paren); t.pieces.push(''); }
  }
  return t;
}

/** The formula written with its numbers: the pieces joined with the text of each value read. */
export function fillTemplate(t: FormulaTemplate, plan: Plan, ctx: Ctx): string {
  const { pieces, names, parens } = t;
  let s = pieces[0];
  for (let i = 0; i < names.length; i++) {
    const v = formatValue(plan.valueOf(names[i], ctx));
    s += (parens[i] && !PLAIN.test(v) ? `(${v})` : v) + pieces[i + 1];
  }
  return s;
}

function partsOf(text: string, months: Set<string>, constant: (name: string) => string | undefined): Part[] | undefined {
  let tree: Expr;
  try { tree = parseExpression(text); } catch { return undefined; }
  const out: Part[] = [];
  return walk(tree, out, months, constant) === undefined ? undefined : out;
}

/** Adds the parts of `e` to `out`; returns its precedence, or undefined when it is not templated. */
function walk(e: Expr, out: Part[], months: Set<string>, constant: (name: string) => string | undefined): number | undefined {
  const wrapped = (child: Expr, precedence: number): boolean => {
    const inner: Part[] = [];
    const p = walk(child, inner, months, constant);
    if (p === undefined) return false;
    if (p < precedence) out.push('(', ...inner, ')');
    else out.push(...inner);
    return true;
  };
  switch (e.type) {
    case 'number': out.push(e.text); return 9;
    case 'name': {
      if (months.has(e.name)) return undefined;
      out.push(constant(e.name) ?? { name: e.name });
      return 9;
    }
    case 'unary':
      if (e.op !== '-') return undefined;
      out.push('-');
      return wrapped(e.arg, 8) ? 8 : undefined;
    case 'binary': {
      const p = PRECEDENCE[e.op];
      if (p === undefined || !wrapped(e.left, p)) return undefined;
      out.push(` ${e.op} `);
      return wrapped(e.right, p + 1) ? p : undefined;
    }
    case 'call': {
      if (!CALLS.has(e.callee)) return undefined;
      out.push(`${e.callee}(`);
      for (let i = 0; i < e.args.length; i++) {
        if (i) out.push(', ');
        if (walk(e.args[i], out, months, constant) === undefined) return undefined;
      }
      out.push(')');
      return 9;
    }
    default: return undefined;
  }
}
