// Why a gate withheld a line, made straight from its failed leaves (outside `trace` detail):
// at once, or when first read (LazyWithheld).
import type { CompiledRule } from '../compile/plan.js';
import type { Ctx } from '../compile/runtime.js';
import type { FailedLeaf } from '../compile/compile-condition.js';
import type { MessageData } from '../types.js';
import { failedMessage } from './trace.js';
import { msg } from '../messages/msg.js';
import { render } from '../messages/render.js';

/** The reason straight from the gate's failed leaves, without building its trace objects. */
export function leanReason(rule: CompiledRule, ctx: Ctx): { text: string; message: MessageData } {
  const failed: FailedLeaf[] = [];
  rule.gate!.failed(ctx, failed);
  const message = failedMessage(failed, lapsed(rule, ctx));
  return { text: render(message), message };
}

/** When nobody of the payee's group shares an allocation this month, its total lapses: say so. */
export function lapsed(rule: CompiledRule, ctx: Ctx): MessageData | undefined {
  if (rule.amount.type !== 'allocate') return undefined;
  const total = ctx.p.population?.get(ctx.m)?.get(`${rule.id}#lapsed`);
  if (total === undefined) return undefined;
  const by = rule.amount.by;
  return msg('withheld.lapsed', { by: by?.name, group: by && String(by.value(ctx)), total: total.toString() });
}
