// Vitest global setup: the store and service tests run against SQLite and PostgreSQL. When no
// server is named in RATECARD_TEST_PG and this machine has PostgreSQL's binaries (Debian's
// `postgresql` package; `.ci/run` installs it), a throwaway cluster of this test run's own (its own
// free port and folder, so two runs never share or stop each other's) is started and stopped after
// it, so `npm test` covers both backends wherever PostgreSQL is installed.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

const bin = process.env.RATECARD_PG_BIN ?? '/usr/lib/postgresql/15/bin';
let cluster: NodeJS.ProcessEnv | undefined;

const freePort = () => new Promise<number>((resolve, reject) => {
  const probe = createServer();
  probe.once('error', reject);
  probe.listen(0, '127.0.0.1', () => {
    const { port } = probe.address() as { port: number };
    probe.close(() => resolve(port));
  });
});

export async function setup(): Promise<void> {
  if (process.env.RATECARD_TEST_PG || !existsSync(`${bin}/initdb`)) return;
  const port = await freePort();
  cluster = { ...process.env, RATECARD_PG_PORT: String(port), RATECARD_PG_DIR: `/tmp/ratecard-pg-test-${process.pid}-${port}` };
  process.env.RATECARD_TEST_PG = execFileSync('bash', ['scripts/pg-for-tests.sh'], { encoding: 'utf8', env: cluster, stdio: ['ignore', 'pipe', 'inherit'] }).trim();
}

export function teardown(): void {
  if (cluster) execFileSync('bash', ['scripts/pg-for-tests.sh', 'stop'], { env: cluster, stdio: ['ignore', 'ignore', 'inherit'] });
}
