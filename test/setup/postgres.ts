// Vitest global setup: the store and service tests run against SQLite and PostgreSQL. When no
// server is named in RATECARD_TEST_PG and this machine has PostgreSQL's binaries (Debian's
// `postgresql` package; `.ci/run` installs it), a throwaway cluster is started for the run and
// stopped after it, so `npm test` covers both backends wherever PostgreSQL is installed.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const bin = process.env.RATECARD_PG_BIN ?? '/usr/lib/postgresql/15/bin';
let started = false;

export function setup(): void {
  if (process.env.RATECARD_TEST_PG || !existsSync(`${bin}/initdb`)) return;
  process.env.RATECARD_TEST_PG = execFileSync('bash', ['scripts/pg-for-tests.sh'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  started = true;
}

export function teardown(): void {
  if (started) execFileSync('bash', ['scripts/pg-for-tests.sh', 'stop'], { stdio: ['ignore', 'ignore', 'inherit'] });
}
