// The package's entry points, as an embedding service imports them (after `npm run build`):
// `ratecard` (engine), `ratecard/store` (settlement store), `ratecard/server` (HTTP service).
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** The names an entry point exports, seen by plain Node through the package's export map. */
function exportsOf(entry: string): string[] {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', `console.log(Object.keys(await import('${entry}')).sort().join(' '))`], { encoding: 'utf8' });
  return out.trim().split(' ');
}

describe('package entry points', () => {
  it('ratecard exports the engine API', () => {
    expect(exportsOf('ratecard')).toEqual(expect.arrayContaining([
      'loadPolicy', 'validatePolicy', 'readDataset', 'settle', 'explainLine', 'compareStatements', 'diffPolicies', 'statementToCsv', 'Exact',
    ]));
  });

  it('ratecard/store exports the settlement book', () => {
    expect(exportsOf('ratecard/store')).toEqual(expect.arrayContaining(['SettlementBook', 'SqliteStore']));
  });

  it('ratecard/server exports the HTTP app factory', () => {
    expect(exportsOf('ratecard/server')).toEqual(expect.arrayContaining(['buildServer', 'DEFAULT_BODY_LIMIT']));
  });
});
