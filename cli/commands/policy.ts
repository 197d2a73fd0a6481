// `ratecard policy`: the policy registry of a settlement store — submit a version with its impact
// measured, approve or reject it (someone else), withdraw it, list the queue, show a version's
// transitions, and require approval for every policy of the store.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { formatDiagnostic, RatecardError, type Totals } from '../../engine/index.js';
import { parseOptions, required, UsageError } from '../args.js';
import type { Command } from '../command.js';
import { readSource } from '../files.js';
import { encodingOption } from '../formats/table-file.js';
import { readDatasetFiles } from '../load.js';
import { AsyncSettlementBook } from '../../store/async-book.js';
import { busyTimeout } from '../../store/busy-timeout.js';
import { isApprovalRefusal } from '../../store/policies/located.js';
import { isState } from '../../store/policies/registry-steps.js';
import type { MeasuredImpact, PolicyTransition, PolicyVersionRecord } from '../../store/policies/types.js';

const usage = `usage: ratecard policy <action> ... --db FILE|URL [options]

  submit FILE --by NAME --why TEXT [--from YYYY-MM] --data DIR
                         submit a policy version for approval (registered as a draft first), its
                         impact measured over the dataset in DIR (payees.csv, facts.csv and, when
                         there, transactions.csv; or --payees/--facts/--transactions FILE); --from
                         is the month it comes into force (default: the file's effective.from)
  approve POLICY@VERSION --by NAME --why TEXT
                         approve a submitted version: someone who neither wrote nor submitted it
  reject POLICY@VERSION --by NAME --why TEXT
  withdraw POLICY@VERSION --by NAME --why TEXT
                         withdraw a draft or a submission (its author or submitter)
  list [--state draft|submitted|approved|rejected|withdrawn] [--policy-id P]
                         versions in the registry; --state submitted is the queue
  show POLICY@VERSION    a version, its impact and every transition (who, when, why)
  require-approval --by NAME
                         from now on every policy of the store posts only approved versions

  --db FILE|URL          the settlement store: an SQLite file, or postgres://user@host:port/db
  --format text|json     output of list and show (default text)
  --encoding E           CSV encoding of the dataset: auto (default), utf8, gb18030 or gbk
  --busy-timeout MS      how long to wait for another writer (default 5000)

Once a policy has a version in the registry (or the store requires approval), \`ratecard run\`
posts only approved versions: \`--policy-id P\` posts each month under the version in force then.

Exit codes: 0 done, 1 an input or store error, 2 a usage error, 3 refused by the approval process
(self-approval, a transition the process does not allow, a version number already taken).`;

/** `policy@version` split at its last `@`. */
function versionRef(text: string | undefined): { policyId: string; version: string } {
  const at = required(text, 'POLICY@VERSION (e.g. rural-contract@2)').lastIndexOf('@');
  if (at <= 0 || at === text!.length - 1) throw new UsageError(`expected POLICY@VERSION, e.g. rural-contract@2, got \`${text}\``);
  return { policyId: text!.slice(0, at), version: text!.slice(at + 1) };
}

const totals = (t: Totals) => `${t.total} (${Object.entries(t.byKind).map(([k, v]) => `${k} ${v}`).join(', ')})`;

export function impactText(i: MeasuredImpact): string {
  return [
    `impact ${i.from} to ${i.to}, ${i.against === null ? 'nothing approved before' : `against version ${i.against}`}${i.measuredBy === 'caller' ? ' (as given by the submitter)' : ''}:`,
    `  before ${totals(i.before)}`,
    `  after  ${totals(i.after)}`,
    `  change ${totals(i.delta)}, ${i.payeesChanged} payees paid differently${i.largest.length ? '; largest:' : ''}`,
    ...i.largest.map((p) => `    ${p.payeeId} ${p.before} → ${p.after} (${p.delta})`),
  ].join('\n') + '\n';
}

const name = (v: PolicyVersionRecord) => `${v.policyId}@${v.version}`;
const listLine = (v: PolicyVersionRecord) =>
  `${name(v)}  ${v.state}  from ${v.effectiveFrom ?? 'the start'}  by ${v.author}${v.submittedBy ? `, submitted by ${v.submittedBy} ${v.submittedAt}` : ''}${v.decidedBy ? `, ${v.state} by ${v.decidedBy} ${v.decidedAt}` : ''}`;
const transitionLine = (t: PolicyTransition) => `  ${t.at}  ${t.from ?? '(new)'} → ${t.to}  by ${t.by}: ${t.why}`;

async function dataset(o: { data?: string; payees?: string; facts?: string; transactions?: string; encoding?: string }) {
  if (o.data === undefined && o.payees === undefined) return undefined;
  const inDir = (f: string) => (o.data === undefined ? undefined : join(o.data, f));
  const tx = o.transactions ?? (o.data !== undefined && existsSync(join(o.data, 'transactions.csv')) ? inDir('transactions.csv') : undefined);
  return readDatasetFiles({ payees: required(o.payees ?? inDir('payees.csv'), 'payees'), facts: required(o.facts ?? inDir('facts.csv'), 'facts'), transactions: tx, encoding: encodingOption(o.encoding) });
}

const command: Command = {
  name: 'policy',
  summary: 'the policy registry: submit, approve, reject, withdraw, list (the queue), show versions',
  usage,
  async run(args, io) {
    const { values: o, positionals } = parseOptions(args, {
      db: { type: 'string' }, by: { type: 'string' }, why: { type: 'string' }, from: { type: 'string' }, data: { type: 'string' },
      payees: { type: 'string' }, facts: { type: 'string' }, transactions: { type: 'string' }, encoding: { type: 'string' },
      state: { type: 'string' }, 'policy-id': { type: 'string' }, format: { type: 'string' }, 'busy-timeout': { type: 'string' },
    }, true);
    const [action, target, ...extra] = positionals;
    if (extra.length) throw new UsageError(`unexpected \`${extra[0]}\``);
    const db = required(o.db, 'db');
    const format = o.format ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, got \`${format}\``);
    const json = (value: unknown) => io.stdout(JSON.stringify(value, null, 2) + '\n');
    const decision = () => ({ by: required(o.by, 'by'), why: required(o.why, 'why') });
    const options = { busyTimeoutMs: busyTimeout(o['busy-timeout']), mustExist: action === 'list' || action === 'show' };
    const work = async (book: AsyncSettlementBook): Promise<number> => {
      switch (action) {
        case 'submit': {
          const source = readSource(required(target, 'FILE (the policy to submit)'), 'policy');
          const { by, why } = decision();
          const data = await dataset(o);
          const v = await book.policies.submit({ source, by, why, from: o.from, dataset: data });
          io.stdout(`${name(v)} submitted by ${by}, in force from ${v.effectiveFrom ?? 'the start'}; waiting for approval by someone else\n${impactText(v.impact!)}`);
          return 0;
        }
        case 'approve':
        case 'reject':
        case 'withdraw': {
          const { policyId, version } = versionRef(target);
          const act = action === 'approve' ? book.policies.approve : action === 'reject' ? book.policies.reject : book.policies.withdraw;
          const v = await act.call(book.policies, policyId, version, decision());
          io.stdout(`${name(v)} ${v.state} by ${v.decidedBy}${v.state === 'approved' ? `: it posts from ${v.effectiveFrom ?? 'the start'}` : ''}\n`);
          return 0;
        }
        case 'list': {
          if (o.state !== undefined && !isState(o.state)) throw new UsageError(`--state must be draft, submitted, approved, rejected or withdrawn, got \`${o.state}\``);
          const versions = await book.policies.list({ policyId: o['policy-id'], state: o.state as PolicyVersionRecord['state'] | undefined });
          if (format === 'json') json(versions.map(({ source: _s, ...v }) => v));
          else io.stdout(versions.length ? versions.map(listLine).join('\n') + '\n' : `no ${o.state ?? ''}${o.state ? ' ' : ''}versions\n`);
          return 0;
        }
        case 'show': {
          const { policyId, version } = versionRef(target);
          const shown = await book.policies.show(policyId, version);
          if (format === 'json') json(shown);
          else io.stdout(`${listLine(shown.version)}\n${shown.version.impact ? impactText(shown.version.impact) : ''}transitions:\n${shown.transitions.map(transitionLine).join('\n')}\n`);
          return 0;
        }
        case 'require-approval': {
          const s = await book.policies.requireApproval(required(o.by, 'by'));
          io.stdout(`every policy of the store posts only approved versions (required by ${s.setBy} ${s.setAt})\n`);
          return 0;
        }
        default:
          throw new UsageError(action === undefined ? 'missing the action: submit, approve, reject, withdraw, list, show or require-approval'
            : `unknown action \`${action}\`, expected submit, approve, reject, withdraw, list, show or require-approval`);
      }
    };
    try {
      return await AsyncSettlementBook.using(db, options, work);
    } catch (e) {
      if (!isApprovalRefusal(e)) throw e;
      for (const d of (e as RatecardError).diagnostics) io.stderr(formatDiagnostic(d) + '\n');
      return 3;
    }
  },
};
export default command;
