// The values of a parsed YAML document, twice: with every number exact (for the engine) and
// as plain JSON (for the schema). Every construct the parser accepts is read or refused with a
// located message: aliases read their anchor's value, merge keys (`<<: *a`, `<<: [*a, *b]`)
// copy the keys a map does not set itself (as yaml-language-server reads them in the editor);
// an alias without an anchor, a value that contains itself, merging a scalar, a key that is a
// list, a number that is not decimal or beyond the limits of written numbers are errors; alias
// expansion and nesting are bounded. Maps have no prototype: `constructor`, `toString` and
// `__proto__` are ordinary keys.
import { type Alias, type Document, isAlias, isMap, isScalar, isSeq, type Node as YamlNode, type Scalar, visit, type YAMLMap, type YAMLSeq } from 'yaml';
import { errorAt } from '../errors.js';
import { decimalInputProblem, Exact } from '../exact/exact.js';
import type { Diagnostic, SourceLocation } from '../types.js';
import { msg } from '../messages/msg.js';
import type { Text } from '../messages/message.js';

export const YAML_LIMITS = {
  /** Levels of maps and lists, aliases expanded. */
  depth: 100,
  /** Values that aliases may add to the document (a "billion laughs" document adds 10^9). */
  aliasExpansion: 100_000,
};

type Path = (string | number)[];
type At = (range: readonly number[] | null | undefined) => SourceLocation;
export type Plain = Record<string, unknown>;

/**
 * The prototype of every map read from YAML: no Object.prototype behind it (`constructor`,
 * `toString`, `__proto__` are only ever the map's own keys), but text when a message prints
 * the map: JSON, shortened.
 */
const MAP = Object.freeze(Object.create(null, {
  [Symbol.toPrimitive]: {
    value(this: Plain) {
      const json = JSON.stringify(this) ?? '';
      return json.length > 40 ? `${json.slice(0, 37)}…` : json;
    },
  },
})) as object;

/** An empty map whose keys never reach Object.prototype. */
export const emptyMap = (): Plain => Object.create(MAP) as Plain;

/** Stops the walk: a limit was passed, reading on would only repeat the message. */
class Stop extends Error {}

/** The dotted path of a field; a very deep one shortened to its first steps. */
const fieldOf = (path: Path) =>
  path.slice(0, 12).map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('') + (path.length > 12 ? '…' : '');

function kindOf(node: unknown): string {
  if (isMap(node)) return 'a map';
  if (isSeq(node)) return 'a list';
  if (isAlias(node)) return 'an alias';
  if (isScalar(node)) return node.value === null ? 'an empty value' : `\`${String(node.source ?? node.value)}\``;
  return 'an empty value';
}

export function yamlValues(doc: Document.Parsed, at: At): { exact: unknown; json: unknown; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  const report = (range: readonly number[] | null | undefined, path: Path, message: Text) => {
    const d = errorAt(at(range), fieldOf(path), message, 'yaml');
    const key = `${d.line}:${d.column}:${d.message}`;
    if (!seen.has(key)) { seen.add(key); diagnostics.push(d); }
  };

  // each alias's anchor, found in one pass (the last `&name` before the alias, as YAML says)
  const anchors = new Map<Alias, YamlNode | undefined>();
  const current = new Map<string, YamlNode>();
  visit(doc, {
    Node: (_key, node) => {
      if (isAlias(node)) anchors.set(node, current.get(node.source));
      else if (node.anchor) current.set(node.anchor, node);
    },
  });

  let expanded = 0;
  const ancestors = new Set<YamlNode>();

  /** [exact, json] of a node, or undefined when it was refused (and reported). */
  function walk(node: unknown, path: Path, depth: number, alias: Alias | undefined): [unknown, unknown] | undefined {
    if (alias && ++expanded > YAML_LIMITS.aliasExpansion) {
      report(alias.range, path, msg('yaml.alias-expansion', { limit: YAML_LIMITS.aliasExpansion }));
      throw new Stop();
    }
    if (isAlias(node)) {
      const target = anchors.get(node);
      if (!target) { report(node.range, path, msg('yaml.alias-no-anchor', { name: node.source })); return undefined; }
      if (ancestors.has(target)) { report(node.range, path, msg('yaml.alias-cycle', { name: node.source })); return undefined; }
      return walk(target, path, depth, alias ?? node);
    }
    if (isMap(node) || isSeq(node)) {
      if (depth >= YAML_LIMITS.depth) {
        report(node.range, path, msg('yaml.too-deep', { limit: YAML_LIMITS.depth }));
        throw new Stop();
      }
      ancestors.add(node);
      try {
        return isMap(node) ? map(node, path, depth + 1, alias) : list(node, path, depth + 1, alias);
      } finally { ancestors.delete(node); }
    }
    if (isScalar(node)) return scalar(node, path);
    return [null, null];
  }

  function list(node: YAMLSeq, path: Path, depth: number, alias: Alias | undefined): [unknown, unknown] | undefined {
    const exact: unknown[] = [], json: unknown[] = [];
    let ok = true;
    node.items.forEach((item, i) => {
      const v = walk(item, [...path, i], depth, alias);
      if (v) { exact.push(v[0]); json.push(v[1]); } else ok = false;
    });
    return ok ? [exact, json] : undefined;
  }

  function map(node: YAMLMap, path: Path, depth: number, alias: Alias | undefined): [unknown, unknown] | undefined {
    const exact = emptyMap(), json = emptyMap();
    const merged: [Plain, Plain][] = [];
    const keys = new Map<string, Scalar>(); // the parser's own check of unique keys is quadratic: this one is not
    let ok = true;
    for (const pair of node.items) {
      const key = pair.key;
      if (isScalar(key) && typeof key.value === 'symbol') { // a merge key, `<<`
        const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
        for (const source of sources) {
          const v = walk(source, path, depth, alias);
          if (!v) { ok = false; continue; }
          if (!isPlain(v[0])) {
            report((source as YamlNode | null)?.range ?? key.range, path, msg('yaml.merge-key', { got: kindOf(resolved(source)) }));
            ok = false;
            continue;
          }
          merged.push(v as [Plain, Plain]);
        }
        continue;
      }
      if (!isScalar(key) || key.value === null || typeof key.value === 'object') {
        report((key as YamlNode | null)?.range ?? node.range, path, msg('yaml.key-kind', { got: kindOf(key) }));
        ok = false;
        continue;
      }
      const name = String(key.value);
      const first = keys.get(name);
      if (first) {
        report(key.range, path, msg('yaml.duplicate-key', { name, line: at(first.range).line }));
        ok = false;
        continue;
      }
      keys.set(name, key);
      const v = walk(pair.value, [...path, name], depth, alias);
      if (!v) { ok = false; continue; }
      exact[name] = v[0];
      json[name] = v[1];
    }
    // earlier merge sources win over later ones; the map's own keys win over all
    for (const [e, j] of merged.reverse()) {
      for (const k of Object.keys(e)) {
        if (!Object.hasOwn(exact, k)) { exact[k] = e[k]; json[k] = j[k]; }
      }
    }
    return ok ? [exact, json] : undefined;
  }

  function scalar(node: Scalar, path: Path): [unknown, unknown] | undefined {
    const value = node.value;
    if (typeof value === 'number') {
      const text = node.source ?? String(value);
      const problem = decimalInputProblem(text);
      if (problem) { report(node.range, path, problem); return undefined; }
      const exact = Exact.tryParse(text);
      if (!exact) {
        report(node.range, path, Number.isFinite(value)
          ? msg('yaml.not-decimal', { text, value: String(value) })
          : msg('yaml.not-a-number', { text }));
        return undefined;
      }
      return [exact, value];
    }
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return [value, value];
    report(node.range, path, msg('yaml.unsupported-tag', { tag: node.tag }));
    return undefined;
  }

  const resolved = (node: unknown) => (isAlias(node) ? anchors.get(node) : node);

  try {
    const v = walk(doc.contents, [], 0, undefined);
    return v ? { exact: v[0], json: v[1], diagnostics } : { exact: undefined, json: undefined, diagnostics };
  } catch (e) {
    if (e instanceof Stop) return { exact: undefined, json: undefined, diagnostics };
    throw e;
  }
}

const isPlain = (v: unknown): v is Plain => !!v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Exact);
