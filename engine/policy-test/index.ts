// Policy tests: `<policy>.test.yaml` files of named cases (given payees, facts and transactions,
// the expected lines), run against a policy with expected vs actual per line and rule coverage.
// Engine-side: no Node imports; a shell finds the files and prints the report.
export type { ExpectedLine, ExpectedWithheld, PolicyTestCase, PolicyTestSuite, ReadTestsResult } from './read-tests.js';
export { readPolicyTests } from './read-tests.js';
export type { CaseResult, LineCheck, PolicyTestReport, RuleCoverage, WithheldCheck } from './run-tests.js';
export { runPolicyTests } from './run-tests.js';
export { policyTestSchema } from './test-schema.js';
