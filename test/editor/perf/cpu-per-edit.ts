// The CPU one parameter edit costs in the preview, measured in Node (process CPU time, so a busy
// machine does not inflate it): before, what the worker did until stop 16 (load the policy, settle
// every rule, compareStatements with the saved statement); now, the preview engine in one thread
// (the browser splits its settle over two workers). Printed by `npm run bench:editor`.
import { readFileSync } from 'node:fs';
import { compareStatements, loadPolicy, readDataset, settle } from '../../../engine/index.js';
import { setYamlValue } from '../../../editor/src/form/yaml-rewrite.js';
import { PreviewEngine } from '../../../editor/src/worker/preview-engine.js';
import { generateRuralDataset } from '../e2e/generate-dataset.js';

const cpu = (f: () => void) => {
  const c = process.cpuUsage();
  f();
  const u = process.cpuUsage(c);
  return Math.round((u.user + u.system) / 1000);
};

export function cpuPerEdit(n: number): string {
  const text = readFileSync(new URL('../../../policies/rural-contract.yaml', import.meta.url), 'utf8');
  const d = generateRuralDataset(n, 12);
  const tables = { id: 'generated', payees: { file: 'payees.csv', text: d.payees }, facts: { file: 'facts.csv', text: d.facts } };
  const edited = (v: string) => setYamlValue(text, ['params', 'step_rate', 'value'], v);
  const values = ['0.03', '0.025', '0.04'];
  const p0 = loadPolicy({ file: 'rural-contract.yaml', text });
  if (!p0.ok) throw new Error('the policy does not load');
  const ds = readDataset(tables, p0.policy);
  if (!ds.ok) throw new Error('the dataset does not read');
  const base = settle(p0.policy, ds.dataset, { detail: 'amounts' });
  const before = values.map((v) => cpu(() => {
    const p = loadPolicy({ file: 'rural-contract.yaml', text: edited(v) });
    if (p.ok) compareStatements(base, settle(p.policy, ds.dataset, { detail: 'amounts' }));
  }));
  // in one thread, every payee's facts held (the worker holds the first half's from 4,000 payees: `run` would read them all again each edit)
  const engine = new PreviewEngine(Infinity);
  engine.setDataset(tables);
  engine.run(1, engine.check(1, 'rural-contract.yaml', text).policy!, {});
  engine.impact(1, 'rural-contract.yaml', text);
  const after = values.map((v, i) => cpu(() => {
    engine.run(i + 2, engine.check(i + 2, 'rural-contract.yaml', edited(v)).policy!, {});
    engine.impact(i + 2, 'rural-contract.yaml', text);
  }));
  return `${n.toLocaleString('en-US')} payees × 12 months, CPU per step_rate edit (load, settle, impact; GC threads included): full settle + compareStatements ${before.join(', ')} ms; the preview engine ${after.join(', ')} ms (one thread)`;
}
