// The rural policy and its mid-year amendment (version 2: the step rate goes from 2 % to 3 % in
// July), as sources to submit, and the scenario's dataset.
import { readFileSync } from 'node:fs';
import { type DatasetInput, formatDiagnostic, RatecardError, type SourceText } from '../../../engine/index.js';

export const RURAL = 'data/scenarios/rural-contract';
const text = readFileSync('policies/rural-contract.yaml', 'utf8');

export const V1: SourceText = { file: 'rural-contract.yaml', text };
export const V2: SourceText = {
  file: 'rural-contract-v2.yaml',
  text: text.replace(/^version: 1$/m, 'version: 2').replace(/^applies_to:/m, 'effective: { from: 2025-07 }\napplies_to:').replace('    value: 0.02\n', '    value: 0.03\n'),
};
/** Version 3: from October, the step rate at 4 %. */
export const V3: SourceText = {
  file: 'rural-contract-v3.yaml',
  text: V2.text.replace(/^version: 2$/m, 'version: 3').replace('effective: { from: 2025-07 }', 'effective: { from: 2025-10 }').replace('    value: 0.03\n', '    value: 0.04\n'),
};

export const DATASET: DatasetInput = {
  payees: { file: `${RURAL}/payees.csv`, text: readFileSync(`${RURAL}/payees.csv`, 'utf8') },
  facts: { file: `${RURAL}/facts.csv`, text: readFileSync(`${RURAL}/facts.csv`, 'utf8') },
};

/** A clock that ticks one second per reading, from a fixed start. */
export function clock(start = Date.UTC(2026, 0, 5, 9)): () => string {
  let t = start;
  return () => new Date((t += 1000)).toISOString();
}

/** The located message a promise is refused with. */
export async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof RatecardError) return e.diagnostics.map(formatDiagnostic).join('\n');
    throw e;
  }
  throw new Error('expected a refusal');
}
