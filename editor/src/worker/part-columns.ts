// The helper's payee and month columns as the preview worker keeps them: each arrives with its
// values once and by id after, so an edit sends only its amounts (the payee and month columns of
// 50,000 payees × 12 months are 4.8 MB a rule, equal from edit to edit). Every answer is read
// here, even one nobody waits for any more; a request tells the helper which columns are held
// here (`has`), and a column is forgotten only with the answer to the newest request (answers
// come in order, so no answer still on its way can name it).
import type { PartColumn, PartResult, PartWire } from './part-protocol.js';

export class PartColumns {
  private known = new Map<number, Int32Array>();

  /** The ids of the columns held, for the next request. */
  ids(): number[] { return [...this.known.keys()]; }

  /** The answer with its columns read; with the answer to the newest request, the columns it does not use are forgotten. */
  receive(wire: PartWire, newest = true): PartResult {
    if (!wire.ok) return wire;
    const used = new Map<number, Int32Array>();
    const column = (c: PartColumn) => {
      const values = c.values ?? this.known.get(c.id);
      if (values) used.set(c.id, values);
      return values;
    };
    const lines = [];
    for (const l of wire.lines) {
      const payee = column(l.payee), month = column(l.month);
      if (!payee || !month) {
        this.known.clear();
        return { ok: false, diagnostics: [{ file: '(preview)', line: 1, column: 1, severity: 'error', field: '', code: 'internal', message: `the preview's helper sent lines of \`${l.rule}\` by a column it never sent` }] };
      }
      lines.push({ ...l, payee, month });
    }
    if (newest) this.known = used;
    else for (const [id, values] of used) this.known.set(id, values);
    return { ...wire, lines };
  }
}
