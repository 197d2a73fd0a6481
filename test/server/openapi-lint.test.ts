// The OpenAPI document the server generates (every route: the engine, the store, the editor's API)
// passes Redocly's recommended rules, run by @redocly/cli on this machine (no network, no
// telemetry): no error and no warning, the policy language's own schema (the `policy-*`
// components) included.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildServer } from '../../server/build-server.js';

interface Problem { ruleId: string; severity: 'error' | 'warn'; message: string; location: { pointer: string }[] }

const redocly = join(createRequire(import.meta.url).resolve('@redocly/cli/package.json'), '..', 'bin', 'cli.js');

describe('the OpenAPI document under Redocly\'s recommended rules', () => {
  it('has no error and no warning', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratecard-openapi-lint-'));
    const app = await buildServer({ token: 't', editor: { root: dir } });
    await app.ready();
    const doc = app.swagger() as { paths: Record<string, Record<string, { operationId?: string; description?: string; summary?: string }>> };
    await app.close();
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(doc, null, 2));

    const lint = spawnSync(process.execPath, [redocly, 'lint', file, '--extends=recommended', '--format=json'], {
      cwd: dir, encoding: 'utf8', env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
    });
    const report = JSON.parse(lint.stdout) as { totals: { errors: number; warnings: number }; problems: Problem[] };
    expect(report.problems.map((p) => `${p.severity} ${p.ruleId} ${p.location[0].pointer}: ${p.message}`)).toEqual([]);
    expect(report.totals.errors).toBe(0);
    expect(lint.status).toBe(0);

    // every route is in it, each with its own operationId and a summary
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, ...op })));
    expect(operations.map((o) => o.route)).toEqual(expect.arrayContaining([
      'GET /health', 'POST /simulate', 'POST /settle', 'POST /periods/close', 'GET /verify', 'GET /statements/{policyId}.csv', 'GET /api/policies',
    ]));
    expect(new Set(operations.map((o) => o.operationId)).size).toBe(operations.length);
    for (const o of operations) expect(o.summary ?? o.description, o.route).toBeTruthy();
    expect(operations.find((o) => o.route === 'GET /statements/{policyId}.csv')!.operationId).toBe('getStatementsByPolicyIdCsv');
  });
});
