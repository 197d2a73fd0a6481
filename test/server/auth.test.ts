// Writes (settle, close) need the bearer token; reads and simulations do not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenMatches } from '../../server/auth.js';
import { listening, post, type Running, scenarioDataset } from './serve-for-test.js';

const settleBody = () => ({ policy: { id: 'postal-agency' }, dataset: scenarioDataset('postal-agency'), from: '2025-01', to: '2025-03' });

describe('bearer token', () => {
  let server: Running;
  beforeAll(async () => { server = await listening({ token: 's3cret-token' }); });
  afterAll(() => server.close());

  it('401 on settle without a token', async () => {
    const res = await post(`${server.url}/settle`, settleBody());
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ error: 'unauthorized', message: res.json.diagnostics[0].message, diagnostics: [expect.objectContaining({ field: 'authorization', message: expect.stringContaining('Bearer') })] });
  });

  it('401 on settle and close with a wrong token', async () => {
    for (const token of ['s3cret-tokeN', 's3cret', '']) {
      const settle = await post(`${server.url}/settle`, settleBody(), { authorization: `Bearer ${token}` });
      expect(settle.status).toBe(401);
    }
    const close = await post(`${server.url}/periods/close`, { policyId: 'postal-agency', period: '2025-01' }, { authorization: 'Bearer nope' });
    expect(close.status).toBe(401);
    expect(close.json.diagnostics[0].message).toBe('wrong token');
  });

  it('lets the right token through (to the store, which this server does not have)', async () => {
    const res = await post(`${server.url}/periods/close`, { policyId: 'postal-agency', period: '2025-01' }, { authorization: 'Bearer s3cret-token' });
    expect(res.status).toBe(503);
  });

  it('needs no token to simulate', async () => {
    const res = await post(`${server.url}/simulate`, { policy: { id: 'postal-agency' }, dataset: scenarioDataset('postal-agency') });
    expect(res.status).toBe(200);
  });

  it('compares tokens exactly', () => {
    expect(tokenMatches('abc', 'abc')).toBe(true);
    expect(tokenMatches('abc', 'abd')).toBe(false);
    expect(tokenMatches('abc', 'abcd')).toBe(false);
  });
});

describe('a server started without a token', () => {
  it('refuses every write, even with some token', async () => {
    const server = await listening();
    try {
      const res = await post(`${server.url}/settle`, settleBody(), { authorization: 'Bearer anything' });
      expect(res.status).toBe(401);
      expect(res.json.diagnostics[0].message).toContain('RATECARD_TOKEN');
    } finally {
      await server.close();
    }
  });
});
