// Pass 2 of compilation: metrics, compiled on first use so that their order in the file does
// not matter, with cycles reported (`a → b → a`). A metric is an expression, a population rank
// (ordered by other metrics, read from the population pass) or a population aggregate; each is
// memoised per payee and month. `metricLines` says which lines each one reads, transitively.
import { Exact } from '../../exact/exact.js';
import { periodOf as periodText } from '../../data/period.js';
import type { Binding } from '../compile-expression.js';
import { compilePopulationMetric } from '../compile-population.js';
import type { CompiledMetric } from '../plan.js';
import type { Ctx } from '../runtime.js';
import { EvaluationError, type Value, type ValueType } from '../values.js';
import { msg } from '../../messages/msg.js';
import type { Text } from '../../messages/message.js';
import type { SourceLocation } from '../../types.js';
import type { Path } from './define-names.js';
import { obj } from './doc-object.js';
import type { ExpressionScope } from './expression-scope.js';

/** A metric compiles through the scope's expressions, and the scope compiles a metric on its first use. */
export interface MetricPassHelpers extends Pick<ExpressionScope, 'scopeFor' | 'expression' | 'linesOfNames'> {
  bindings: Map<string, Binding & { path: Path }>;
  define: (name: string, binding: Binding, path: Path) => void;
  locate: (path: Path) => SourceLocation;
  report: (message: Text, path: Path, offset?: number, length?: number) => void;
}

export function metricPass(doc: Record<string, unknown>, h: MetricPassHelpers) {
  const { bindings, define, locate, report } = h;
  const metricDocs = obj(doc.metrics);
  const metrics: CompiledMetric[] = [];
  const metricLines = new Map<string, Set<string>>(); // metric → lines it reads, transitively
  const compiling: string[] = [];
  const pending = new Map<string, Binding & { path: Path }>();
  Object.keys(metricDocs).forEach((name) => {
    const slot = metrics.length;
    const placeholder: CompiledMetric = { slot, name, type: 'number', compute: () => Exact.ZERO, location: locate(['metrics', name]) };
    metrics.push(placeholder);
    const value = (ctx: Ctx, m: number): Value => {
      const p = ctx.p;
      let row = p.metricMonth === m ? p.metricRow : p.metrics?.get(m);
      // the memo is made on the first read: a policy whose metrics are all generated never makes one
      if (!row) (p.metrics ??= new Map()).set(m, (row = []));
      p.metricMonth = m;
      p.metricRow = row;
      let v = row[slot];
      if (v === undefined) v = row[slot] = m === ctx.m ? placeholder.compute(ctx) : placeholder.compute({ p: ctx.p, m });
      return v;
    };
    const binding = { kind: 'metric' as const, type: 'number' as ValueType, fn: (ctx: Ctx) => value(ctx, ctx.m), at: value, path: ['metrics', name] };
    pending.set(name, binding);
    define(name, binding, ['metrics', name]);
  });

  function ensureMetric(name: string, usePath: Path, offset?: number, length?: number): boolean {
    // checked before `pending`: a metric being compiled has already left it
    if (compiling.includes(name)) {
      const cycle = [...compiling.slice(compiling.indexOf(name)), name];
      report(msg('compile.metric-cycle', { cycle }), usePath, offset, length);
      return false;
    }
    const binding = pending.get(name);
    if (!binding) return true;
    pending.delete(name);
    compiling.push(name);
    compileMetric(name, binding);
    compiling.pop();
    return true;
  }

  function compileMetric(name: string, binding: Binding & { path: Path }) {
    const d = metricDocs[name];
    const path: Path = ['metrics', name];
    const metric = metrics.find((m) => m.name === name)!;
    const rank = obj(d).rank;
    if (rank !== undefined) {
      const by = Array.isArray(obj(rank).by) ? (obj(rank).by as unknown[]).map(obj) : [];
      const keys: NonNullable<CompiledMetric['rank']>['by'] = [];
      by.forEach((k, i) => {
        const keyName = String(k.metric);
        const b = h.scopeFor([...path, 'rank', 'by', i, 'metric'])(keyName, 0, 0);
        if (!b) return;
        if (b.type !== 'number' || b.readsLines || b.readsRank) {
          report(msg('compile.rank-key', { name: keyName }), [...path, 'rank', 'by', i, 'metric']);
          return;
        }
        keys.push({ name: keyName, value: b.fn, order: k.order === 'asc' ? 'asc' : 'desc' });
      });
      metric.rank = { by: keys };
      metric.compute = (ctx) => {
        const r = ctx.p.population?.get(ctx.m)?.get(name);
        if (r === undefined) throw new EvaluationError(msg('evaluate.no-rank', { name, payee: ctx.p.payee.payeeId, period: periodText(ctx.m) }));
        return typeof r === 'number' ? Exact.of(r) : r;
      };
      binding.readsRank = true;
      bindings.get(name)!.readsRank = true;
      metricLines.set(name, new Set());
      return;
    }
    if (obj(d).population !== undefined) {
      const population = compilePopulationMetric(name, obj(obj(d).population), [...path, 'population'], h.scopeFor, report);
      if (!population) return;
      metric.population = population;
      metric.compute = population.read;
      binding.readsRank = true;
      bindings.get(name)!.readsRank = true;
      metricLines.set(name, new Set());
      return;
    }
    const text = typeof d === 'string' || d instanceof Exact ? d : obj(d).expr;
    const exprPath = typeof d === 'string' || d instanceof Exact ? path : [...path, 'expr'];
    const compiled = h.expression(text, exprPath);
    if (!compiled) return;
    metric.type = compiled.type;
    metric.compute = compiled.fn;
    const b = bindings.get(name)!;
    b.type = compiled.type;
    b.readsLines = compiled.readsLines;
    b.readsRank = compiled.readsRank;
    metricLines.set(name, h.linesOfNames(compiled.names));
  }
  return { metrics, metricLines, ensureMetric, compileAll: () => { for (const name of Object.keys(metricDocs)) ensureMetric(name, ['metrics', name]); } };
}
