// Largest-remainder allocation (最大余额法): a total at the rounding scale shared in proportion
// to weights so that the shares add up exactly to it. Every share is first rounded down; the
// units left over go one each to the largest remainders, ties to the earlier payee (the caller
// orders payees by id).
import { Exact } from '../exact/exact.js';
import { EvaluationError } from '../compile/values.js';
import type { Text } from '../messages/message.js';
import { msg } from '../messages/msg.js';

export function allocateLargestRemainder(total: Exact, weights: Exact[], scale: number, where: Text): Exact[] {
  if (total.sign() < 0) throw new EvaluationError(msg('settle.negative-total', { where, total: total.toString() }));
  if (weights.some((w) => w.sign() < 0)) throw new EvaluationError(msg('settle.negative-weight', { where }));
  const sum = weights.reduce((s, w) => s.add(w), Exact.ZERO);
  if (sum.isZero()) throw new EvaluationError(msg('settle.zero-weights', { where, total: total.toString() }));
  const unit = Exact.ONE.div(Exact.of(10 ** scale));
  const exact = weights.map((w) => total.mul(w).div(sum));
  const shares = exact.map((x) => x.round(scale, 'floor'));
  const left = total.sub(shares.reduce((s, x) => s.add(x), Exact.ZERO)).div(unit).toNumber();
  const order = exact.map((x, i) => ({ i, remainder: x.sub(shares[i]) }))
    .sort((a, b) => b.remainder.cmp(a.remainder) || a.i - b.i);
  for (let k = 0; k < left; k++) shares[order[k].i] = shares[order[k].i].add(unit);
  return shares;
}
