// A parsed YAML source that remembers where everything is: syntax errors as diagnostics, a
// path-to-location map for messages, and a value tree whose numbers are exact (read from the
// source text, so `0.1000000000000000000001` and `1.50` are kept as written).
import { isMap, isScalar, isSeq, LineCounter, type Pair, parseDocument, type Document, type Node as YamlNode, type YAMLMap } from 'yaml';
import { errorAt } from '../errors.js';
import type { Diagnostic, SourceLocation, SourceText } from '../types.js';
import { YAML_LIMITS, yamlValues } from './yaml-values.js';
import { msg } from '../messages/msg.js';

export type Path = (string | number)[];

export interface YamlSource {
  file: string;
  doc: Document.Parsed;
  diagnostics: Diagnostic[];
  /** Plain JSON (numbers as JS numbers), for schema validation only. */
  json: unknown;
  /** The same tree with numbers as Exact. */
  exact: unknown;
  /** Location of the node at `path`, or of its nearest existing parent. */
  locate: (path: Path, offset?: number, length?: number) => SourceLocation;
  /** Whether a node exists at `path`. */
  has: (path: Path) => boolean;
  /** Location of the key of `path`'s last step (for unknown-field messages). */
  locateKey: (path: Path) => SourceLocation;
}

/** Unique keys are checked by yamlValues (the parser's check costs n² in the keys of a map). */
export function readYaml(source: SourceText): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source.text, { lineCounter, uniqueKeys: false, prettyErrors: false, merge: true });
  const pos = (offset: number) => {
    const p = lineCounter.linePos(Math.max(0, Math.min(offset, source.text.length)));
    return { line: p.line, col: p.col };
  };
  const at = (range: readonly number[] | null | undefined): SourceLocation => {
    if (!range) return { file: source.file, line: 1, column: 1 };
    const s = pos(range[0]), e = pos(range[1]);
    return { file: source.file, line: s.line, column: s.col, endLine: e.line, endColumn: e.col };
  };
  const diagnostics: Diagnostic[] = [...doc.errors, ...doc.warnings].map((e) => {
    const detail = e.message.split('\n')[0].replace(/^./, (c) => c.toLowerCase()).replace(/ at line \d+, column \d+:?$/, '');
    // the parser's own recursion ran out: the document nests far past what a policy needs
    const message = /call stack/i.test(detail) ? msg('yaml.too-deep-to-read', { limit: YAML_LIMITS.depth })
      : /multiple documents/.test(detail) ? msg('yaml.two-documents')
      : msg('yaml.parser', { detail });
    return { ...errorAt(at(e.pos), '', message, 'yaml'), severity: doc.errors.includes(e as never) ? 'error' : 'warning' } as Diagnostic;
  });
  const values = doc.errors.length ? undefined : yamlValues(doc, at);
  if (values) diagnostics.push(...values.diagnostics);
  const readable = values !== undefined && !values.diagnostics.length;

  // each map's pairs by key, made on first use: locating n keys of one map costs n, not n²
  const pairsByKey = new WeakMap<YAMLMap, Map<string, Pair>>();
  const pairOf = (map: YAMLMap, key: string | number): Pair | undefined => {
    let pairs = pairsByKey.get(map);
    if (!pairs) {
      pairs = new Map();
      for (const p of map.items) if (isScalar(p.key) && !pairs.has(String(p.key.value))) pairs.set(String(p.key.value), p);
      pairsByKey.set(map, pairs);
    }
    return pairs.get(String(key));
  };

  const nodeAt = (path: Path): { node: YamlNode | undefined; depth: number } => {
    let node: unknown = doc.contents;
    let depth = 0;
    for (const step of path) {
      let next: unknown;
      if (isMap(node)) next = pairOf(node, step)?.value;
      else if (isSeq(node) && typeof step === 'number') next = node.items[step];
      if (next === undefined || next === null) break;
      node = next;
      depth++;
    }
    return { node: node as YamlNode | undefined, depth };
  };

  const locate = (path: Path, offset?: number, length?: number): SourceLocation => {
    const { node, depth } = nodeAt(path);
    const range = node?.range;
    if (!range) return { file: source.file, line: 1, column: 1 };
    const exactHit = depth === path.length;
    let start = range[0];
    let end = range[1];
    if (exactHit && offset !== undefined && isScalar(node)) {
      const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' ? 1 : 0;
      start = range[0] + quoted + offset;
      end = start + Math.max(1, length ?? 1);
    }
    return at([start, end]);
  };

  const locateKey = (path: Path): SourceLocation => {
    const parent = nodeAt(path.slice(0, -1));
    const last = path[path.length - 1];
    if (parent.depth === path.length - 1 && isMap(parent.node)) {
      const pair = pairOf(parent.node, last);
      const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
      if (range) return at(range);
    }
    return locate(path);
  };

  return {
    file: source.file,
    doc,
    diagnostics,
    json: readable ? values.json : undefined,
    exact: readable ? values.exact : undefined,
    locate,
    locateKey,
    has: (path) => nodeAt(path).depth === path.length,
  };
}

