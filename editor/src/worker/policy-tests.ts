// The policy's own test cases (`<policy>.test.yaml`) run by the engine's policy-test runner against
// the text being edited: pass / fail per case, expected vs actual per line. The cases' settled
// statements (with traces) stay in the worker.
import { readPolicyTests, runPolicyTests } from '../../../engine/index.js';
import type { AnalysisResponse } from './analysis-protocol.js';

type Tests = Extract<AnalysisResponse, { type: 'tests' }>;

export function runTests(seq: number, file: string, text: string, testFile: string, testText: string): Tests {
  const read = readPolicyTests({ file: testFile, text: testText });
  if (!read.ok) return { type: 'tests', seq, ok: false, diagnostics: read.diagnostics };
  const report = runPolicyTests(read.suite, { file, text });
  return { type: 'tests', seq, ok: true, report: { ...report, cases: report.cases.map(({ statement: _s, ...c }) => c) } };
}
