// The preview's helper in the test's own thread, as the helper worker runs it: the tables as
// Blobs, as the page gives them (it reads its part's bytes), every request and answer cloned as
// they would cross between workers.
import { PartColumns } from '../../../editor/src/worker/part-columns.js';
import { PartEngine } from '../../../editor/src/worker/part-engine.js';
import type { PartHelper } from '../../../editor/src/worker/population-in-halves.js';
import type { PreviewEngine } from '../../../editor/src/worker/preview-engine.js';
import type { SourceTables } from '../../../editor/src/worker/table-bytes.js';
import { blobTables } from './blob-tables.js';

/** A helper settling the second half of the payees of `tables` (as `engine` counts them for `policy`); `asked` counts its requests. */
export function helperOf(tables: SourceTables, engine: PreviewEngine, policy: string): PartHelper & { asked: { settle: number; keys: number } } {
  const part = new PartEngine();
  // given the tables at its first request, as the preview worker sends them (the payees counted by then)
  let given: Promise<void> | undefined;
  const give = () => (given ??= (async () => {
    const compiled = engine.check(0, 'policy.yaml', policy).policy!;
    await engine.ready(compiled);
    part.setTables(blobTables(tables), Math.floor(engine.payeeCountOf(compiled) / 2));
  })());
  const columns = new PartColumns();
  const asked = { settle: 0, keys: 0 };
  return {
    asked,
    settle: async (req) => {
      asked.settle++;
      await give();
      return columns.receive(structuredClone(await part.settle(structuredClone({ ...req, has: columns.ids() }))));
    },
    keys: async (req) => {
      asked.keys++;
      await give();
      return structuredClone(await part.keys(structuredClone(req)));
    },
  };
}
