// What the analysis worker answers, free of messaging so it also runs in tests.
import type { AnalysisRequest, AnalysisResponse } from './analysis-protocol.js';
import { comparison } from './compare.js';
import { runTests } from './policy-tests.js';
import { failure, type Settler } from './settler.js';
import { sweep } from './sweep.js';
import { tablesAt } from './table-bytes.js';

export function handleAnalysis(settler: Settler, req: AnalysisRequest): AnalysisResponse | undefined {
  if (req.type === 'dataset') { settler.setDataset(tablesAt(req.tables)); return undefined; }
  if (req.type === 'tests') return runTests(req.seq, req.file, req.text, req.testFile, req.testText);
  if (req.type === 'sweep') return { type: 'sweep', seq: req.seq, points: sweep(settler, req.file, req.text, req.param, req.values, req.range) };
  const before = settler.settle(req.file, req.before.text, req.range);
  if (!before.ok) return { type: 'compare', seq: req.seq, ok: false, side: 'before', diagnostics: before.diagnostics };
  const after = settler.settle(req.file, req.after.text, req.range);
  if (!after.ok) return { type: 'compare', seq: req.seq, ok: false, side: 'after', diagnostics: after.diagnostics };
  if (!settler.tables) return { type: 'compare', seq: req.seq, ok: false, side: 'after', diagnostics: failure('(dataset)', 'no dataset chosen', 'no-dataset') };
  const side = (s: typeof before & { ok: true }, text: string) => ({ statement: s.statement, covered: s.dataset.covered, text, facts: s.policy.facts.map((f) => f.name) });
  return { type: 'compare', seq: req.seq, ok: true, comparison: comparison(settler.tables, side(before, req.before.text), side(after, req.after.text), req.payeeId) };
}
