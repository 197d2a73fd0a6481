// What a parameter edit can change, read from the policy text: whether two texts differ only in
// their parameters (and which), and which rules read those parameters, directly or through
// metrics and other rules' lines. Names are found as identifiers anywhere in a metric's or rule's
// definition, so a rule that might read a name counts as reading it: the set is never too small.
// The YAML is read with the failsafe schema, so `1.50` and `1.5` stay two different texts.
import { parse } from 'yaml';

type Doc = Record<string, unknown>;

const isObject = (v: unknown): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Texts read lately: an edit compares the new text with the last and the saved one, each read once (never changed after). */
const lately = new Map<string, Doc | undefined>();
const KEEP = 4;

function read(text: string): Doc | undefined {
  if (lately.has(text)) return lately.get(text);
  let doc: Doc | undefined;
  try {
    const parsed: unknown = parse(text, { schema: 'failsafe' });
    doc = isObject(parsed) ? parsed : undefined;
  } catch {
    doc = undefined;
  }
  lately.set(text, doc);
  if (lately.size > KEEP) lately.delete(lately.keys().next().value as string);
  return doc;
}

const WORDS = /[A-Za-z_][A-Za-z0-9_]*/g;
/** Every identifier in a definition, its description and labels left out. */
function namesIn(def: unknown): Set<string> {
  const text = JSON.stringify(def, (key, value: unknown) => (key === 'description' || key === 'labels' ? undefined : value)) ?? '';
  return new Set(text.match(WORDS) ?? []);
}

/** The parameters whose definition differs, when nothing else differs; `undefined` when more changed. */
export function changedParams(before: string, after: string): Set<string> | undefined {
  const a = read(before), b = read(after);
  if (!a || !b || !isObject(a.params) || !isObject(b.params)) return undefined;
  if (JSON.stringify({ ...a, params: null }) !== JSON.stringify({ ...b, params: null })) return undefined;
  const names = Object.keys(a.params);
  if (JSON.stringify(names) !== JSON.stringify(Object.keys(b.params))) return undefined;
  return new Set(names.filter((n) => JSON.stringify((a.params as Doc)[n]) !== JSON.stringify((b.params as Doc)[n])));
}

export interface RulesToSettle {
  /** Rules whose lines may change. */
  affected: Set<string>;
  /** Those and every rule whose lines they read (directly or through metrics): what a settle must evaluate. */
  evaluate: Set<string>;
}

/** Which rules read `params`; `undefined` when a parameter is read outside metrics and rules (settle all). */
export function rulesReading(text: string, params: Set<string>): RulesToSettle | undefined {
  const doc = read(text);
  if (!doc || !Array.isArray(doc.rules)) return undefined;
  for (const [section, def] of Object.entries(doc)) {
    if (['params', 'metrics', 'rules', 'description', 'labels', 'name'].includes(section)) continue;
    const names = namesIn(def);
    if ([...params].some((p) => names.has(p))) return undefined;
  }
  const reads = new Map<string, Set<string>>();
  for (const [name, def] of Object.entries(isObject(doc.metrics) ? doc.metrics : {})) reads.set(name, namesIn(def));
  const ruleIds: string[] = [];
  for (const rule of doc.rules as unknown[]) {
    if (!isObject(rule) || typeof rule.id !== 'string') return undefined;
    ruleIds.push(rule.id);
    reads.set(rule.id, namesIn({ ...rule, id: null }));
  }
  // what changes: the parameters, then whatever reads something that changes, until nothing is added
  const dirty = new Set(params);
  for (let grew = true; grew;) {
    grew = false;
    for (const [name, names] of reads) {
      if (dirty.has(name) || ![...names].some((n) => dirty.has(n))) continue;
      dirty.add(name);
      grew = true;
    }
  }
  // what those read: the rules whose lines feed them
  const needed = new Set(ruleIds.filter((id) => dirty.has(id)));
  const todo = [...needed];
  while (todo.length) {
    for (const n of reads.get(todo.pop()!) ?? []) {
      if (needed.has(n) || !reads.has(n)) continue;
      needed.add(n);
      todo.push(n);
    }
  }
  return { affected: new Set(ruleIds.filter((id) => dirty.has(id))), evaluate: new Set(ruleIds.filter((id) => needed.has(id))) };
}
