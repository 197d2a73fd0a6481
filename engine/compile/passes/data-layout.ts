// Pass 5 of compilation: the columns of the data files a policy reads — facts and payee
// attributes in declaration order, the transactions' id and fields — and which payees it
// applies to.
import type { DataLayout } from '../../data/dataset.js';
import type { FieldDeclaration, FieldType } from '../../policy/policy-document.js';
import { obj } from './doc-object.js';

const fieldLayout = ([name, decl]: [string, unknown]) =>
  ({ name, type: (obj(decl).type ?? 'number') as FieldType, optional: obj(decl).optional === true });

export function dataLayout(doc: Record<string, unknown>, factDecls: [string, FieldDeclaration][], attributeDecls: [string, FieldDeclaration][]): DataLayout {
  const tx = obj(doc.transactions);
  return {
    facts: factDecls.map(fieldLayout),
    transactions: doc.transactions ? { id: String(tx.id), fields: Object.entries(obj(tx.fields)).map(fieldLayout) } : undefined,
    payeeFields: attributeDecls.map(fieldLayout),
    channelTypes: (obj(doc.applies_to).channel_type as string[] | undefined) ?? [],
    attributes: obj(doc.applies_to).attributes as Record<string, string[]> | undefined,
  };
}
