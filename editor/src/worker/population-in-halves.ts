// Population values (ranks, aggregates, allocations) over every payee where the preview worker
// holds only the first half's facts: each round combines this half's keys with the helper's, in
// payees.csv order, as `populationOf` over all payees does and as a run in parts does.
import {
  type CompiledPolicy, type Dataset, mergePopulation, populationKeys, populationRoundsOf, type PopulationRecord, rankPopulationKeys, RatecardError, type SettleOptions,
} from '../../../engine/index.js';
import type { PartKeys, PartKeysResult, PartResult, PartSettle } from './part-protocol.js';

/** The second half of the payees elsewhere (the helper worker): settled, answering with its columns, and its population keys. */
export interface PartHelper {
  settle(req: PartSettle): Promise<PartResult>;
  keys(req: PartKeys): Promise<PartKeysResult>;
}

/**
 * The population values of `policy` over `mine` (the first half's covered payees) and the
 * helper's payees, within `range`. `source` and `evaluate`: the text `policy` was loaded from and
 * the rules it was restricted to, for the helper.
 */
export async function populationInHalves(
  policy: CompiledPolicy, source: CompiledPolicy, evaluate: string[] | undefined, mine: Dataset, range: SettleOptions & { from: string; to: string }, helper: PartHelper,
): Promise<PopulationRecord> {
  const record: PopulationRecord = {};
  for (let round = 0; round < populationRoundsOf(policy); round++) {
    const theirs = helper.keys({
      file: source.source.file, text: source.source.text, layout: JSON.stringify(source.layout), options: range, round, ranks: record, ...(evaluate ? { evaluate } : {}),
    });
    const own = populationKeys(policy, mine, { ...range, round, ranks: record });
    const other = await theirs;
    if (!other.ok) throw new RatecardError(other.diagnostics);
    mergePopulation(record, rankPopulationKeys(policy, [...own, ...other.keys]));
  }
  return record;
}
