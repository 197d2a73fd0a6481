// The preview's helper in the test's own thread, as the helper worker runs it: its part of the
// tables as bytes where the preview worker sends them so, every request and answer cloned as
// they would cross between workers.
import { helperPart, partTables } from '../../../editor/src/worker/helper-part.js';
import { PartColumns } from '../../../editor/src/worker/part-columns.js';
import { PartEngine } from '../../../editor/src/worker/part-engine.js';
import type { PartHelper, PreviewEngine } from '../../../editor/src/worker/preview-engine.js';
import type { DatasetTables } from '../../../editor/src/worker/protocol.js';

/** A helper settling the second half of the payees of `tables` (as `engine` counts them for `policy`); `asked` counts its requests. */
export function helperOf(tables: DatasetTables, engine: PreviewEngine, policy: string): PartHelper & { asked: { settle: number; keys: number } } {
  const part = new PartEngine();
  const from = Math.floor(engine.payeeCountOf(engine.check(0, 'policy.yaml', policy).policy!) / 2);
  // its part as bytes where the worker sends it so, else the whole tables
  const cut = helperPart(tables, from);
  if (cut) part.setTables(partTables(structuredClone(cut)), from, true);
  else part.setTables(tables, from);
  const columns = new PartColumns();
  const asked = { settle: 0, keys: 0 };
  return {
    asked,
    settle: async (req) => {
      asked.settle++;
      return columns.receive(structuredClone(await part.settle(structuredClone({ ...req, has: columns.ids() }))));
    },
    keys: async (req) => {
      asked.keys++;
      return structuredClone(part.keys(structuredClone(req)));
    },
  };
}
