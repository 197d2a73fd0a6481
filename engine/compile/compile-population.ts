// Compiles a population metric: an aggregate (sum, avg, min, max, count) of a fact or metric over
// all payees of the policy in the month, optionally within the payee's group (`by: team`). The
// population pass computes it before any payee is settled; the metric then reads the result.
import { Exact } from '../exact/exact.js';
import { periodOf } from '../data/period.js';
import type { Binding } from './compile-expression.js';
import type { Path } from './compile-policy.js';
import type { Ctx, Fn } from './runtime.js';
import { EvaluationError } from './values.js';
import { msg } from '../messages/msg.js';
import type { Text } from '../messages/message.js';

export const AGGREGATES = ['sum', 'avg', 'min', 'max', 'count'] as const;
export type Aggregate = (typeof AGGREGATES)[number];

export interface PopulationMetric {
  aggregate: Aggregate;
  of: string;
  /** The payee's own contribution this month: a number, or a true/false for `count`. */
  value: Fn;
  /** The group the payee belongs to this month (text), when grouped. */
  by?: { name: string; value: Fn };
  /** The payee's group's aggregate this month, as the population pass left it. */
  read: Fn;
}

type ScopeFor = (path: Path) => (name: string, start: number, end: number) => Binding | undefined;
type Report = (message: Text, path: Path) => void;

/** A group key: a text attribute or fact known before any line is paid. */
export function compileGroupBy(name: string, path: Path, scopeFor: ScopeFor, report: Report): PopulationMetric['by'] | undefined {
  const b = scopeFor(path)(name, 0, 0);
  if (!b) return undefined;
  if (b.type !== 'string' || b.readsLines || b.readsRank) {
    report(msg('population.group-by', { name }), path);
    return undefined;
  }
  return { name, value: b.fn };
}

export function compilePopulationMetric(metric: string, doc: Record<string, unknown>, path: Path, scopeFor: ScopeFor, report: Report): PopulationMetric | undefined {
  const aggregate = AGGREGATES.find((a) => doc[a] !== undefined)!;
  const of = String(doc[aggregate]);
  const b = scopeFor([...path, aggregate])(of, 0, 0);
  if (!b) return undefined;
  const want = aggregate === 'count' ? 'boolean' : 'number';
  if (b.type !== want) {
    report(msg('population.aggregate-type', { aggregate, boolean: want === 'boolean', of, type: b.type }), [...path, aggregate]);
    return undefined;
  }
  if (b.readsLines || b.readsRank) {
    report(msg('population.aggregate-lines', { of }), [...path, aggregate]);
    return undefined;
  }
  const by = doc.by === undefined ? undefined : compileGroupBy(String(doc.by), [...path, 'by'], scopeFor, report);
  if (doc.by !== undefined && !by) return undefined;
  const read: Fn = (ctx: Ctx) => {
    const v = ctx.p.population?.get(ctx.m)?.get(metric);
    if (v === undefined) throw new EvaluationError(msg('evaluate.no-population', { name: metric, payee: ctx.p.payee.payeeId, period: periodOf(ctx.m) }));
    return typeof v === 'number' ? Exact.of(v) : v;
  };
  return { aggregate, of, value: b.fn, by, read };
}
