// Rewrites one value of a policy's YAML in place with the `yaml` Document API. Only the text of
// the node that changes is replaced: an existing scalar by splicing its source range, a map or
// list that gains or loses an entry by printing that collection alone (doc.setIn / deleteIn on a
// parsed Document) and splicing it back at its indentation. Comments, layout and every other
// number stay exactly as written, and decimals are written as typed (never through a float).
import { Document, isCollection, isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';

export type YamlPath = (string | number)[];

/** Maps each step to the key as the document holds it (`3` in `3: {Q1: 1.00}` is a number key). */
function actualPath(doc: Document, path: YamlPath): YamlPath {
  const out: YamlPath = [];
  let node: unknown = doc.contents;
  for (const step of path) {
    let key: string | number = step;
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(step));
      if (pair && isScalar(pair.key)) key = pair.key.value as string | number;
      else if (/^\d+$/.test(String(step)) && node.items.some((p) => isScalar(p.key) && typeof p.key.value === 'number')) key = Number(step);
      next = pair?.value;
    } else if (isSeq(node)) {
      key = Number(step);
      next = node.items[key];
    }
    out.push(key);
    node = next;
  }
  return out;
}

const splice = (text: string, start: number, end: number, value: string) => text.slice(0, start) + value + text.slice(end);
const PLACEHOLDER = 0;

function nodeAt(doc: Document, path: YamlPath): YamlNode | undefined {
  const node = doc.getIn(actualPath(doc, path), true);
  return node && typeof node === 'object' ? (node as YamlNode) : undefined;
}

/** Replaces the source of one collection by the collection printed alone, re-indented. */
function replaceCollection(text: string, node: YamlNode & { flow?: boolean }): string {
  const [start, end] = node.range!;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const indent = ' '.repeat(start - lineStart);
  const alone = new Document();
  alone.contents = node;
  let printed = alone.toString({ lineWidth: 0 }).replace(/\n$/, '');
  printed = printed.split('\n').map((l, i) => (i === 0 || l === '' ? l : indent + l)).join('\n');
  const tail = text.slice(start, end).match(/\n*$/)?.[0] ?? '';
  return splice(text, start, end, printed + tail);
}

/** Applies `mutate` to the collection at `parent` (or the nearest existing ancestor) and re-prints it. */
function editCollection(text: string, parent: YamlPath, mutate: (doc: Document) => void): string {
  const doc = parseDocument(text);
  let depth = parent.length;
  while (depth > 0 && !isCollection(nodeAt(doc, parent.slice(0, depth)))) depth--;
  const owner = nodeAt(doc, parent.slice(0, depth));
  mutate(doc);
  if (!owner || !isCollection(owner) || !owner.range) return doc.toString({ lineWidth: 0 });
  return replaceCollection(text, owner);
}

/** Splices exact values over placeholders, last offset first so earlier ranges stay valid. */
function spliceValues(text: string, values: [YamlPath, string][], doc = parseDocument(text)): string {
  return values
    .map(([p, v]) => [nodeAt(doc, p), v] as const)
    .filter((x): x is readonly [YamlNode, string] => isScalar(x[0]) && Boolean(x[0].range))
    .sort((a, b) => b[0].range![0] - a[0].range![0])
    .reduce((out, [n, v]) => splice(out, n.range![0], n.range![1], v), text);
}

/** Sets the decimal (or plain text) `value` at `path`, keeping the rest of the text as written. */
export function setYamlValue(text: string, path: YamlPath, value: string): string {
  const doc = parseDocument(text);
  if (isScalar(nodeAt(doc, path))) return spliceValues(text, [[path, value]], doc);
  const placed = editCollection(text, path.slice(0, -1), (d) => d.setIn(actualPath(d, path), PLACEHOLDER));
  return spliceValues(placed, [[path, value]]);
}

/** Removes the node at `path` (a map key or a list row). */
export function deleteYamlValue(text: string, path: YamlPath): string {
  return editCollection(text, path.slice(0, -1), (d) => d.deleteIn(actualPath(d, path)));
}

/** Appends a row (column → decimal) to the list at `path`, in the style of the rows before it. */
export function appendYamlRow(text: string, path: YamlPath, row: Record<string, string>): string {
  let index = 0;
  const placed = editCollection(text, path, (doc) => {
    const seq = doc.getIn(actualPath(doc, path), true);
    const node = doc.createNode(Object.fromEntries(Object.keys(row).map((k) => [k, PLACEHOLDER])));
    if (isSeq(seq)) {
      const last = seq.items[seq.items.length - 1];
      node.flow = isMap(last) ? Boolean(last.flow) : true;
      index = seq.items.push(node) - 1;
    } else doc.setIn(actualPath(doc, path), doc.createNode([node]));
  });
  return spliceValues(placed, Object.entries(row).map(([k, v]) => [[...path, index, k], v]));
}
