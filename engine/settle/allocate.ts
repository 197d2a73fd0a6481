// Largest-remainder allocation (最大余额法): a total at the rounding scale shared in proportion
// to weights so that the shares add up exactly to it. Every share is first rounded down; the
// units left over go one each to the largest remainders, ties to the earlier payee (the caller
// orders payees by id).
import { Exact } from '../exact/exact.js';
import { EvaluationError } from '../compile/values.js';

export function allocateLargestRemainder(total: Exact, weights: Exact[], scale: number, where: string): Exact[] {
  if (total.sign() < 0) throw new EvaluationError(`the total of ${where} is ${total}: only a total of 0 or more can be shared`);
  if (weights.some((w) => w.sign() < 0)) throw new EvaluationError(`a weight of ${where} is below 0: weights must be 0 or more`);
  const sum = weights.reduce((s, w) => s.add(w), Exact.ZERO);
  if (sum.isZero()) throw new EvaluationError(`the weights of ${where} add up to 0: there is nothing to share the total ${total} by`);
  const unit = Exact.ONE.div(Exact.of(10 ** scale));
  const exact = weights.map((w) => total.mul(w).div(sum));
  const shares = exact.map((x) => x.round(scale, 'floor'));
  const left = total.sub(shares.reduce((s, x) => s.add(x), Exact.ZERO)).div(unit).toNumber();
  const order = exact.map((x, i) => ({ i, remainder: x.sub(shares[i]) }))
    .sort((a, b) => b.remainder.cmp(a.remainder) || a.i - b.i);
  for (let k = 0; k < left; k++) shares[order[k].i] = shares[order[k].i].add(unit);
  return shares;
}
