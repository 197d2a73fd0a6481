// Only approved versions post, on both backends: a year with an amendment approved mid-year posts
// each month under the version in force then (hand-computed for R02) and each run records the
// version that paid its lines; an unapproved amendment does not post; a text that is not the
// approved version in force, or parameter overrides, are refused with a located error; a policy
// without registered versions posts as before until the store requires approval for all.
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, loadPolicy, RatecardError, readDataset, settle, settleVersions } from '../../../engine/index.js';
import { BACKENDS, openBook } from '../backends.js';
import { ruralRun } from '../book-fixture.js';
import { clock, DATASET, refusal, V1, V2, V3 } from './amendment.js';

const year = { policyId: 'rural-contract', dataset: DATASET, from: '2025-01', to: '2025-12', startedBy: 'clerk' };
const run = (source: typeof V1, from: string, to: string, overrides?: string) => ({
  policy: source, dataset: DATASET, from, to, startedBy: 'clerk', ...(overrides ? { overrides: { file: 'overrides.yaml', text: overrides } } : {}),
});
const compiled = (source: typeof V1) => {
  const loaded = loadPolicy(source);
  if (!loaded.ok) throw new Error('bad policy');
  const data = readDataset(DATASET, loaded.policy);
  if (!data.ok) throw new Error('bad data');
  return { policy: loaded.policy, dataset: data.dataset };
};

describe.each(BACKENDS)('posting with approval on $kind', (backend) => {
  it('posts a year with an amendment approved mid-year: each month under the version in force, each run naming its version', async () => {
    const { book } = await openBook(backend, { now: clock() });
    await book.policies.submit({ source: V1, by: 'ana', why: '2025', dataset: DATASET });
    await book.policies.approve('rural-contract', '1', { by: 'bo', why: 'ok' });
    await book.policies.submit({ source: V2, by: 'ana', why: 'step rate 3 % from July', dataset: DATASET });
    await book.policies.approve('rural-contract', '2', { by: 'bo', why: 'agreed with the channel' });

    const results = await book.runApproved(year);
    expect(results.map((r) => [r.run.policyVersion, r.run.from, r.run.to])).toEqual([['1', '2025-01', '2025-06'], ['2', '2025-07', '2025-12']]);
    const lines = await book.statement({ policyId: 'rural-contract' });
    const runs = new Map((await book.listRuns()).map((r) => [r.id, r.policyVersion]));
    const r02 = lines.filter((l) => l.payeeId === 'R02' && l.line === 'under_completion').map((l) => `${l.period} ${l.amount} v${runs.get(l.runId)}`);
    // July: completion 0.927 → 7 steps at 3 % = 21 % of 7345.50 → 1542.56; August: 30 % (the cap) of 5703.50 → 1711.05
    expect(r02.slice(0, 5)).toEqual(['2025-01 -905.38 v1', '2025-02 -791.40 v1', '2025-03 -661.65 v1', '2025-07 -1542.56 v2', '2025-08 -1711.05 v2']);
    // the same lines as the engine settles the two versions in one range
    const engine = settleVersions([compiled(V1), compiled(V2)], { from: '2025-01', to: '2025-12' });
    expect(lines.map((l) => [l.id, l.amount, runs.get(l.runId)])).toEqual(engine.lines.map((l) => [l.id, l.amount, l.version]));
    // posting again changes nothing
    expect((await book.runApproved(year)).map((r) => r.unchanged)).toEqual([true, true]);
  });

  it('plans a run again when a version is approved while it settles: the text no longer in force is refused, nothing posted', async () => {
    const { book } = await openBook(backend, { now: clock() });
    await book.policies.submit({ source: V1, by: 'ana', why: '2025', dataset: DATASET });
    await book.policies.approve('rural-contract', '1', { by: 'bo', why: 'ok' });
    await book.policies.submit({ source: V2, by: 'ana', why: 'July', dataset: DATASET });
    let settles = 0;
    const request = {
      ...run(V1, '2025-07', '2025-07'),
      // the approval of version 2 (in force from July) lands after the run read its stamp and the gate
      settle: async (...args: Parameters<typeof settle>) => {
        if (settles++ === 0) await book.policies.approve('rural-contract', '2', { by: 'bo', why: 'agreed' });
        return settle(...args);
      },
    };
    expect(await refusal(book.run(request))).toMatch(/^rural-contract\.yaml:6:1 version: `rural-contract@1` is approved but not in force in 2025-07: `rural-contract@2` is/);
    expect(settles).toBe(1);
    expect(await book.listRuns()).toEqual([]);
  });

  it('does not post an amendment that is only submitted, nor one rejected', async () => {
    const { book } = await openBook(backend, { now: clock() });
    await book.policies.submit({ source: V1, by: 'ana', why: '2025', dataset: DATASET });
    await book.policies.approve('rural-contract', '1', { by: 'bo', why: 'ok' });
    await book.policies.submit({ source: V2, by: 'ana', why: 'July', dataset: DATASET });
    await book.policies.submit({ source: V3, by: 'ana', why: 'October', dataset: DATASET });
    await book.policies.reject('rural-contract', '3', { by: 'bo', why: 'no' });
    const results = await book.runApproved(year);
    expect(results.map((r) => [r.run.policyVersion, r.run.from, r.run.to])).toEqual([['1', '2025-01', '2025-12']]);
    expect(await refusal(book.run(run(V2, '2025-07', '2025-07')))).toBe(
      'rural-contract-v2.yaml:6:1 version: this text of `rural-contract@2` is not an approved version, and only approved versions post (`rural-contract` has versions in the policy registry): submit it with `ratecard policy submit` and have someone else approve it');
    expect((await book.listRuns()).length).toBe(1);
  });

  it('refuses a text that is approved but not in force for the whole range, and parameter overrides', async () => {
    const { book } = await openBook(backend, { now: clock() });
    await book.policies.submit({ source: V1, by: 'ana', why: '2025', dataset: DATASET });
    await book.policies.approve('rural-contract', '1', { by: 'bo', why: 'ok' });
    await book.policies.submit({ source: V2, by: 'ana', why: 'July', dataset: DATASET });
    await book.policies.approve('rural-contract', '2', { by: 'bo', why: 'ok' });
    expect(await refusal(book.run(run(V1, '2025-05', '2025-08')))).toBe(
      'rural-contract.yaml:6:1 version: `rural-contract@1` is approved but not in force in 2025-07: `rural-contract@2` is (from 2025-07); post the range with the registry\'s versions (`--policy-id rural-contract`)');
    expect(await refusal(book.run(run(V2, '2025-06', '2025-07')))).toBe(
      'rural-contract-v2.yaml:6:1 version: `rural-contract@2` is approved but not in force in 2025-06: `rural-contract@1` is (from the start); post the range with the registry\'s versions (`--policy-id rural-contract`)');
    expect(await refusal(book.run(run(V1, '2025-01', '2025-01', 'step_rate: 0.05\n')))).toBe(
      'overrides.yaml:1:1 overrides: parameter overrides cannot post once approval is required (`rural-contract` has versions in the policy registry): approve the changed values as a new version of `rural-contract`');
    expect((await book.run(run(V1, '2025-01', '2025-06'))).run.policyVersion).toBe('1');
    expect((await book.run(run(V2, '2025-07', '2025-07'))).run.policyVersion).toBe('2');
  });

  it('posts a policy without registered versions as before, until the store requires approval for every policy', async () => {
    const { book, db } = await openBook(backend, { now: clock() });
    expect((await book.run(ruralRun('2025-01'))).run.lineCount).toBeGreaterThan(0);
    expect(await book.policies.gate('rural-contract')).toEqual({ required: false, reason: null, approved: [] });
    const setting = await book.policies.requireApproval('ana');
    expect(setting).toMatchObject({ key: 'require-approval', value: 'on', setBy: 'ana' });
    expect(await book.policies.requireApproval('eve')).toEqual(setting);
    expect(await refusal(book.run(ruralRun('2025-02')))).toBe(
      'policies/rural-contract.yaml:6:1 version: this text of `rural-contract@1` is not an approved version, and only approved versions post (the store requires approval for every policy): submit it with `ratecard policy submit` and have someone else approve it');
    expect(await refusal(book.runApproved(year))).toBe(`${backend.label(db)}:1:1 policy-id: no approved version of \`rural-contract\` in the policy registry: nothing can post`);
  });

  it('names the month no approved version covers', async () => {
    const { book, db } = await openBook(backend, { now: clock() });
    await book.policies.submit({ source: V2, by: 'ana', why: 'July', dataset: DATASET });
    await book.policies.approve('rural-contract', '2', { by: 'bo', why: 'ok' });
    expect(await refusal(book.runApproved(year))).toBe(
      `${backend.label(db)}:1:1 from: no approved version of \`rural-contract\` is in force in 2025-01: the first comes into force in 2025-07`);
    expect((await book.runApproved({ ...year, from: '2025-07' })).map((r) => r.run.policyVersion)).toEqual(['2']);
  });
});
