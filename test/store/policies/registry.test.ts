// The policy registry on both backends: a version submitted with its impact measured by the
// engine, approved by someone else (self-approval refused, located), every transition recorded
// with who, when and why; the queue; rejection and withdrawal; what the process refuses.
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, loadPolicy, RatecardError, settle, readDataset } from '../../../engine/index.js';
import { BACKENDS, openBook } from '../backends.js';
import { clock, DATASET, refusal, V1, V2, V3 } from './amendment.js';

const totalsOf = (source: typeof V1, from?: string) => {
  const loaded = loadPolicy(source);
  if (!loaded.ok) throw new Error('bad policy');
  const data = readDataset(DATASET, loaded.policy);
  if (!data.ok) throw new Error('bad data');
  return settle(loaded.policy, data.dataset, { from }).totals;
};

describe.each(BACKENDS)('the policy registry on $kind', (backend) => {
  it('submits a version with its impact, refuses self-approval, approves it by another and records every transition', async () => {
    const { book, db } = await openBook(backend, { now: clock() });
    const where = backend.label(db);
    const submitted = await book.policies.submit({ source: V1, by: 'ana', why: 'the 2025 policy', dataset: DATASET });
    expect(submitted).toMatchObject({ policyId: 'rural-contract', version: '1', state: 'submitted', author: 'ana', submittedBy: 'ana', effectiveFrom: null });
    // nothing approved before: the impact is the whole statement
    expect(submitted.impact).toMatchObject({ measuredBy: 'engine', against: null, from: '2025-01', to: '2025-12', after: totalsOf(V1) });
    expect(submitted.impact!.before.total).toBe('0.00');
    expect(submitted.impact!.payeesChanged).toBe(6); // every payee of the scenario
    expect(submitted.impact!.largest.length).toBe(6);

    expect(await refusal(book.policies.approve('rural-contract', '1', { by: 'ana', why: 'looks right' }))).toBe(
      `${where}:1:1 by: \`ana\` cannot approve \`rural-contract@1\`: they wrote it, and a version is approved by someone else`);
    const approved = await book.policies.approve('rural-contract', '1', { by: 'bo', why: 'checked against the contract' });
    expect(approved).toMatchObject({ state: 'approved', decidedBy: 'bo' });

    const { version, transitions } = await book.policies.show('rural-contract', '1');
    expect(version.state).toBe('approved');
    expect(transitions.map(({ from, to, by, why }) => ({ from, to, by, why }))).toEqual([
      { from: null, to: 'draft', by: 'ana', why: 'the 2025 policy' },
      { from: 'draft', to: 'submitted', by: 'ana', why: 'the 2025 policy' },
      { from: 'submitted', to: 'approved', by: 'bo', why: 'checked against the contract' },
    ]);
    expect(transitions[1].impact).toEqual(submitted.impact);
    expect(transitions.map((t) => t.at)).toEqual([...transitions.map((t) => t.at)].sort());
  });

  it('measures an amendment against the approved version in force when it comes into force', async () => {
    const { book } = await openBook(backend, { now: clock() });
    await book.policies.submit({ source: V1, by: 'ana', why: '2025', dataset: DATASET });
    await book.policies.approve('rural-contract', '1', { by: 'bo', why: 'ok' });
    const v2 = await book.policies.submit({ source: V2, by: 'ana', why: 'step rate 3 % from July', dataset: DATASET });
    expect(v2.effectiveFrom).toBe('2025-07');
    expect(v2.impact).toMatchObject({ against: '1', from: '2025-07', to: '2025-12', before: totalsOf(V1, '2025-07'), after: totalsOf(V2, '2025-07') });
    // a higher step rate deducts more: the largest changes are losses, biggest first
    const deltas = v2.impact!.largest.map((p) => Number(p.delta));
    expect(deltas.every((d) => d < 0)).toBe(true);
    expect(deltas).toEqual([...deltas].sort((a, b) => a - b));
    expect(v2.impact!.payeesChanged).toBeGreaterThanOrEqual(v2.impact!.largest.length);
  });

  it('keeps the queue of submissions, rejects and withdraws with the same rules', async () => {
    const { book, db } = await openBook(backend, { now: clock() });
    const where = backend.label(db);
    await book.policies.submit({ source: V2, by: 'ana', why: 'July amendment', dataset: DATASET });
    await book.policies.submit({ source: V3, by: 'cy', why: 'October amendment', dataset: DATASET });
    expect((await book.policies.list({ state: 'submitted' })).map((v) => `${v.version} ${v.submittedBy}`)).toEqual(['2 ana', '3 cy']);
    expect(await refusal(book.policies.reject('rural-contract', '3', { by: 'cy', why: 'no' }))).toBe(
      `${where}:1:1 by: \`cy\` cannot reject \`rural-contract@3\`: they wrote it, and a version is rejected by someone else`);
    expect(await refusal(book.policies.withdraw('rural-contract', '2', { by: 'cy', why: 'mine now' }))).toBe(
      `${where}:1:1 by: \`cy\` cannot withdraw \`rural-contract@2\`: only its author or submitter can`);
    await book.policies.reject('rural-contract', '3', { by: 'ana', why: 'too steep' });
    await book.policies.withdraw('rural-contract', '2', { by: 'ana', why: 'superseded' });
    expect(await book.policies.list({ state: 'submitted' })).toEqual([]);
    expect((await book.policies.list()).map((v) => `${v.version} ${v.state} ${v.decidedBy}`)).toEqual(['2 withdrawn ana', '3 rejected ana']);
    expect(await refusal(book.policies.approve('rural-contract', '3', { by: 'bo', why: 'changed my mind' }))).toBe(
      `${where}:1:1 state: \`rural-contract@3\` is rejected: only a submitted version can be approved`);
    expect(await refusal(book.policies.approve('rural-contract', '9', { by: 'bo', why: 'x' }))).toBe(
      `${where}:1:1 version: no version \`rural-contract@9\` in the policy registry`);
    expect(await refusal(book.policies.submit({ source: { ...V3, text: V3.text.replace('0.04', '0.05') }, by: 'cy', why: 'again', dataset: DATASET }))).toBe(
      `${where}:1:1 version: \`rural-contract@3\` is already rejected: its text cannot change; give the new text a new \`version\``);
  });

  it('refuses a submission without its impact, an empty reason, and an effective month that contradicts the file', async () => {
    const { book, db } = await openBook(backend, { now: clock() });
    const where = backend.label(db);
    expect(await refusal(book.policies.submit({ source: V2, by: 'ana', why: 'x' }))).toBe(
      `${where}:1:1 data: a submission needs its impact measured: give the dataset to settle it over`);
    expect(await refusal(book.policies.submit({ source: V2, by: 'ana', why: ' ', dataset: DATASET }))).toBe(
      `${where}:1:1 why: expected why it is submitted, got an empty text`);
    expect(await refusal(book.policies.submit({ source: V2, by: 'ana', why: 'x', from: '2025-08', dataset: DATASET }))).toBe(
      'rural-contract-v2.yaml:13:1 effective.from: the file comes into force in 2025-07 but the submission says `2025-08`: give one effective month');
    expect(await book.policies.list()).toEqual([]);
  });

  it('keeps approved versions, transitions and settings as they are: the database refuses changes from any connection', async () => {
    const { book, db } = await openBook(backend, { now: clock() });
    await book.policies.submit({ source: V1, by: 'ana', why: '2025', dataset: DATASET });
    await book.policies.approve('rural-contract', '1', { by: 'bo', why: 'ok' });
    await book.policies.submit({ source: V2, by: 'ana', why: 'July', dataset: DATASET });
    await book.policies.requireApproval('ana');
    const refused = async (sql: string, message: string) => {
      await expect(backend.sql(db, sql), sql).rejects.toThrow(message);
    };
    await refused("UPDATE policy_versions SET source = 'x' WHERE version = '1'", 'an approved policy version cannot be changed');
    await refused("UPDATE policy_versions SET state = 'draft' WHERE version = '1'", 'an approved policy version cannot be changed');
    await refused("DELETE FROM policy_versions WHERE version = '1'", 'a policy version cannot be deleted');
    await refused("UPDATE policy_versions SET source = 'x' WHERE version = '2'", 'a submitted policy version cannot be edited');
    // approving in the database directly still needs another person
    await refused("UPDATE policy_versions SET state = 'approved', decided_by = 'ana' WHERE version = '2'", 'decided_by_another');
    await refused("UPDATE policy_versions SET state = 'draft' WHERE version = '2'", 'not a transition of the approval process');
    await refused('UPDATE policy_transitions SET actor = \'eve\'', 'a recorded transition cannot be changed');
    await refused('DELETE FROM policy_transitions', 'a recorded transition cannot be');
    await refused("UPDATE store_settings SET value = 'off'", 'a store setting cannot be changed');
    await refused('DELETE FROM store_settings', 'a store setting cannot be');
    if (backend.kind === 'sqlite') {
      await refused("INSERT OR REPLACE INTO policy_versions SELECT policy_id, version, file, 'x', source_hash, effective_from, author, created_at, 'draft', NULL, NULL, NULL, NULL, NULL FROM policy_versions WHERE version = '1'", 'a policy version cannot be replaced');
      await refused("INSERT OR REPLACE INTO store_settings VALUES ('require-approval', 'off', 'eve', 'now')", 'a store setting cannot be replaced');
    } else {
      await refused('TRUNCATE policy_transitions CASCADE', 'cannot be truncated');
      await refused('TRUNCATE policy_versions CASCADE', 'cannot be truncated');
    }
    expect((await book.policies.show('rural-contract', '1')).version.state).toBe('approved');
    expect((await book.policies.show('rural-contract', '1')).transitions.length).toBe(3);
  });
});
