// The passes read the policy document as the schema left it: a part that is not a mapping (the
// schema has reported it) is read as an empty one, so every pass can go on and report its own.
import { Exact } from '../../exact/exact.js';

export const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Exact) ? (v as Record<string, unknown>) : {};
