// The Ratecard engine's public API: load and check policies, read datasets, settle, explain and
// compare. Pure TypeScript with no Node-only imports, so it runs in Node, a browser, or a Worker.
export * from './types.js';
export { errorAt, RatecardError } from './errors.js';
export type { CompiledPolicy, LoadResult } from './policy/load-policy.js';
export { loadPolicy, validatePolicy } from './policy/load-policy.js';
export { policySchema } from './policy/schema.js';
export type { Dataset, DatasetResult } from './data/dataset.js';
export { readDataset } from './data/dataset.js';
export { mergePopulation, populationKeys, populationOf, populationRoundsOf, rankPopulationKeys, settle } from './settle/settle.js';
export { amountOf, type ColumnsOptions, lineOf, settleColumns, withheldItemsOf, withheldOf } from './settle/settle-columns.js';
export { plainLine } from './evaluate/settled-line.js';
export { restrictRules } from './settle/restrict-rules.js';
export type { RankKeys } from './settle/population.js';
export { addTotals, totalsOf } from './settle/totals.js';
export type { PolicyVersion } from './settle/settle-versions.js';
export { settleVersions } from './settle/settle-versions.js';
export { statementToCsv, statementToJson } from './report/statement-output.js';
export { explainLine } from './report/explain.js';
export type { Impact, PayeeImpact } from './report/compare.js';
export { compareStatements } from './report/compare.js';
export type { PolicyDiff } from './report/diff-policies.js';
export { diffPolicies } from './report/diff-policies.js';
export { CsvSyntaxError, parseCsv } from './data/csv.js';
export { configureExactLimits, Exact, ExactLimitError, exactLimits, type RoundingMode } from './exact/exact.js';
export * from './policy-test/index.js';
export { STATEMENT_COLUMNS } from './report/statement-output.js';
export * from './messages/index.js';
