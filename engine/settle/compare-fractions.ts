// Orders two fractions of safe integers exactly, without BigInt and without an `Exact` each:
// by their cross products when both stay below 2^53 (a float product whose true value passes
// 2^53 is at least 2^53, so the check is exact), else by continued fractions (floor quotients,
// then the reciprocals of the remainders), where every step stays within the operands' size.

const MAX = Number.MAX_SAFE_INTEGER;

/** a/b against c/d: −1, 0 or 1. All four are safe integers, b and d above 0. */
export function compareFractions(a: number, b: number, c: number, d: number): -1 | 0 | 1 {
  if (b === d) return a < c ? -1 : a > c ? 1 : 0;
  const x = a * d, y = c * b;
  if (x <= MAX && x >= -MAX && y <= MAX && y >= -MAX) return x < y ? -1 : x > y ? 1 : 0;
  for (;;) {
    // floor quotients and remainders in [0, b): a − (a % b) keeps a's sign and size, so it is exact
    let ra = a % b, rc = c % d;
    let qa = (a - ra) / b, qc = (c - rc) / d;
    if (ra < 0) { ra += b; qa -= 1; }
    if (rc < 0) { rc += d; qc -= 1; }
    if (qa !== qc) return qa < qc ? -1 : 1;
    if (ra === 0 || rc === 0) return ra === rc ? 0 : ra === 0 ? -1 : 1;
    // ra/b against rc/d, both in (0, 1), orders as d/rc against b/ra
    const nb = rc, nd = ra;
    a = d; c = b; b = nb; d = nd;
  }
}
