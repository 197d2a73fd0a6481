// Small edits of the bundled policies, made with the `yaml` Document API (comments and the
// schema modeline kept), each named for what it breaks, with the verdict the schema means to
// give. The agreement test runs ajv and yaml-language-server over every one.
import { readFileSync } from 'node:fs';
import { type Document, parseDocument, YAMLMap } from 'yaml';

export interface Mutation {
  name: string;
  policy: 'rural-contract' | 'postal-agency' | 'service-center' | 'private-line';
  /** What the schema should say of the edited policy. */
  expect: 'valid' | 'invalid';
  edit: (doc: Document) => void;
}

const drop = (...path: (string | number)[]) => (doc: Document) => { doc.deleteIn(path); };
const set = (value: unknown, ...path: (string | number)[]) => (doc: Document) => { doc.setIn(path, doc.createNode(value)); };
const rural = 'rural-contract' as const, postal = 'postal-agency' as const, service = 'service-center' as const, line = 'private-line' as const;

// rural-contract rules: 0 maintenance (per_unit), 3 under_completion (step_deduction), 4 fee_collection (gate any), 6 refund
// postal-agency: params card_rate (map), competition_tiers (tiers); rule 3 competition (tier)
// service-center: rule 1 quarterly_bonus (gate all); private-line: transactions, rank_awards (list), rule 0 new_lines (for_each)
export const MUTATIONS: Mutation[] = [
  // still valid: the agreement must hold both ways
  { name: 'valid: an effective period added', policy: rural, expect: 'valid', edit: set({ from: '2024-01', to: '2024-12' }, 'effective') },
  { name: 'valid: version as a string', policy: service, expect: 'valid', edit: set('1.0', 'version') },
  { name: 'valid: a unit added to a param', policy: rural, expect: 'valid', edit: set('share', 'params', 'step', 'unit') },
  { name: 'valid: a rule frequency set to yearly', policy: postal, expect: 'valid', edit: set('yearly', 'rules', 3, 'frequency') },
  { name: 'valid: a named condition reference as a gate', policy: service, expect: 'valid', edit: set({ condition: 'clean' }, 'rules', 1, 'gate') },
  // top level
  { name: 'top level: `id` dropped', policy: rural, expect: 'invalid', edit: drop('id') },
  { name: 'top level: `name` dropped', policy: postal, expect: 'invalid', edit: drop('name') },
  { name: 'top level: `version` dropped', policy: service, expect: 'invalid', edit: drop('version') },
  { name: 'top level: `applies_to` dropped', policy: line, expect: 'invalid', edit: drop('applies_to') },
  { name: 'top level: `rules` dropped', policy: rural, expect: 'invalid', edit: drop('rules') },
  { name: 'top level: unknown key `owner`', policy: rural, expect: 'invalid', edit: set('sales', 'owner') },
  { name: 'top level: `version` 1.5 (neither string nor integer)', policy: postal, expect: 'invalid', edit: set(1.5, 'version') },
  { name: 'top level: empty `name`', policy: service, expect: 'invalid', edit: set('', 'name') },
  { name: 'top level: `id` with capitals', policy: line, expect: 'invalid', edit: set('Private-Line', 'id') },
  { name: 'top level: `rules` an empty list', policy: service, expect: 'invalid', edit: set([], 'rules') },
  { name: 'top level: `description` left empty (null)', policy: rural, expect: 'invalid', edit: set(null, 'description') },
  { name: 'applies_to: `channel_type` an empty list', policy: rural, expect: 'invalid', edit: set([], 'applies_to', 'channel_type') },
  { name: 'applies_to: `channel_type` a string, not a list', policy: postal, expect: 'invalid', edit: set('postal_agent', 'applies_to', 'channel_type') },
  { name: 'applies_to: unknown key `region`', policy: service, expect: 'invalid', edit: set(['north'], 'applies_to', 'region') },
  { name: 'rounding: `scale` 7 (above 6)', policy: rural, expect: 'invalid', edit: set(7, 'rounding', 'scale') },
  { name: 'rounding: `scale` 2.5 (not an integer)', policy: line, expect: 'invalid', edit: set(2.5, 'rounding', 'scale') },
  { name: 'rounding: `mode` nearest (bad enum)', policy: postal, expect: 'invalid', edit: set('nearest', 'rounding', 'mode') },
  { name: 'effective: `from` 2024-13 (bad month)', policy: service, expect: 'invalid', edit: set({ from: '2024-13' }, 'effective') },
  // facts and transactions
  { name: 'fact: `type` currency (bad enum)', policy: rural, expect: 'invalid', edit: set('currency', 'facts', 'revenue_plan', 'type') },
  { name: 'fact: unknown key `column`', policy: postal, expect: 'invalid', edit: set('x', 'facts', 'fees_collected', 'column') },
  { name: 'fact: `type` dropped', policy: line, expect: 'invalid', edit: drop('facts', 'revenue', 'type') },
  { name: 'fact: name with a space', policy: service, expect: 'invalid', edit: set({ type: 'money' }, 'facts', 'Revenue 2') },
  // named as the operator's file names the column: conditions read it as json-rules-engine does
  { name: 'fact: name with capitals and a hyphen', policy: service, expect: 'valid', edit: set({ type: 'money' }, 'facts', 'Revenue-2') },
  { name: 'transactions: `id` dropped', policy: line, expect: 'invalid', edit: drop('transactions', 'id') },
  { name: 'transactions: field `type` bogus', policy: line, expect: 'invalid', edit: set('days', 'transactions', 'fields', 'contract_months', 'type') },
  // params
  { name: 'param: unknown key `default`', policy: rural, expect: 'invalid', edit: set(1, 'params', 'install_price', 'default') },
  { name: 'param: `type` percent (bad enum)', policy: service, expect: 'invalid', edit: set('percent', 'params', 'project_rate', 'type') },
  { name: 'param: `value` a quoted string', policy: rural, expect: 'invalid', edit: set('0.01', 'params', 'fee_rate', 'value') },
  { name: 'param: `value` dropped', policy: line, expect: 'invalid', edit: drop('params', 'survey_limit', 'value') },
  { name: 'param: `type` dropped', policy: line, expect: 'invalid', edit: drop('params', 'survey_cap', 'type') },
  { name: 'param: map without `of`', policy: postal, expect: 'invalid', edit: drop('params', 'card_rate', 'of') },
  { name: 'param: map `of` tiers (not a scalar type)', policy: postal, expect: 'invalid', edit: set('tiers', 'params', 'card_rate', 'of') },
  { name: 'param: map value a list', policy: postal, expect: 'invalid', edit: set([0.025, 0.03], 'params', 'card_rate', 'value') },
  { name: 'param: list element a string', policy: line, expect: 'invalid', edit: set('lots', 'params', 'rank_awards', 'value', 1) },
  { name: 'param: tier row missing `min`', policy: postal, expect: 'invalid', edit: drop('params', 'competition_tiers', 'value', 1, 'min') },
  { name: 'param: tiers without `columns`', policy: postal, expect: 'invalid', edit: drop('params', 'competition_tiers', 'columns') },
  { name: 'param: tiers an empty list', policy: postal, expect: 'invalid', edit: set([], 'params', 'competition_tiers', 'value') },
  { name: 'param: schedule quarter Q5', policy: rural, expect: 'invalid', edit: set(0.5, 'params', 'refund_schedule', 'value', 12, 'Q5') },
  { name: 'param: schedule checkpoint month 13', policy: rural, expect: 'invalid', edit: set({ Q4: 1 }, 'params', 'refund_schedule', 'value', 13) },
  { name: 'param: schedule quarter written 4, not Q4', policy: rural, expect: 'invalid', edit: set(0.5, 'params', 'refund_schedule', 'value', 12, 4) },
  { name: 'param: name a number (2024)', policy: service, expect: 'invalid', edit: set({ type: 'rate', value: 0.1, description: 'x' }, 'params', 2024) },
  // metrics and conditions
  { name: 'metric: name a number (7)', policy: postal, expect: 'invalid', edit: set('card_sales * 2', 'metrics', 7) },
  { name: 'metric: empty expression', policy: rural, expect: 'invalid', edit: set('', 'metrics', 'fee_ratio') },
  { name: 'metric: object without `expr`', policy: rural, expect: 'invalid', edit: drop('metrics', 'completion', 'expr') },
  { name: 'metric: rank `order` up (bad enum)', policy: line, expect: 'invalid', edit: set('up', 'metrics', 'growth_position', 'rank', 'by', 0, 'order') },
  { name: 'condition: `operator` equals (bad enum)', policy: service, expect: 'invalid', edit: set('equals', 'rules', 1, 'gate', 'all', 0, 'operator') },
  { name: 'condition: `value` dropped', policy: rural, expect: 'invalid', edit: drop('rules', 4, 'gate', 'any', 0, 'value') },
  { name: 'condition: `all` a map, not a list', policy: service, expect: 'invalid', edit: set({ fact: 'x', operator: 'equal', value: 0 }, 'rules', 1, 'gate', 'all') },
  { name: 'condition: `all` and `any` together', policy: service, expect: 'invalid', edit: set([], 'rules', 1, 'gate', 'any') },
  { name: 'condition: value `{path}` without `fact`', policy: rural, expect: 'invalid', edit: set({ path: '$.x' }, 'rules', 4, 'gate', 'any', 1, 'value') },
  // rules and amounts
  { name: 'rule: `amount` dropped', policy: rural, expect: 'invalid', edit: drop('rules', 1, 'amount') },
  { name: 'rule: `kind` dropped', policy: postal, expect: 'invalid', edit: drop('rules', 0, 'kind') },
  { name: 'rule: `kind` penalty (bad enum)', policy: line, expect: 'invalid', edit: set('penalty', 'rules', 1, 'kind') },
  { name: 'rule: `frequency` weekly (bad enum)', policy: service, expect: 'invalid', edit: set('weekly', 'rules', 1, 'frequency') },
  { name: 'rule: unknown key `priority`', policy: postal, expect: 'invalid', edit: set(1, 'rules', 2, 'priority') },
  { name: 'rule: `id` with a hyphen', policy: rural, expect: 'invalid', edit: set('fee-collection', 'rules', 4, 'id') },
  { name: 'rule: `for_each` lines (not transactions)', policy: line, expect: 'invalid', edit: set('lines', 'rules', 0, 'for_each') },
  { name: 'rule: `round` cent (bad enum)', policy: line, expect: 'invalid', edit: set('cent', 'rules', 0, 'round') },
  { name: 'rule: derive name with capitals', policy: line, expect: 'invalid', edit: set('1', 'rules', 0, 'derive', 'Floor') },
  { name: 'amount: percent_of without `base`', policy: postal, expect: 'invalid', edit: drop('rules', 2, 'amount', 'percent_of', 'base') },
  { name: 'amount: per_unit with unknown key `cap`', policy: rural, expect: 'invalid', edit: set(100, 'rules', 0, 'amount', 'per_unit', 'cap') },
  { name: 'amount: step_deduction without `step`', policy: rural, expect: 'invalid', edit: drop('rules', 3, 'amount', 'step_deduction', 'step') },
  { name: 'amount: tier `mode` stepped (bad enum)', policy: postal, expect: 'invalid', edit: set('stepped', 'rules', 3, 'amount', 'tier', 'mode') },
  { name: 'amount: refund without `schedule`', policy: rural, expect: 'invalid', edit: drop('rules', 6, 'amount', 'refund', 'schedule') },
  { name: 'amount: a boolean', policy: service, expect: 'invalid', edit: set(true, 'rules', 0, 'amount') },
  { name: 'rule: copied with a YAML merge key `<<`', policy: rural, expect: 'valid', edit: mergeKeyCopy },
];

/** A second rule written as `{ <<: *first, id: maintenance_again }` (YAML 1.1 merge keys). */
function mergeKeyCopy(doc: Document): void {
  const first = doc.getIn(['rules', 0]) as YAMLMap;
  first.anchor = 'first';
  const copy = doc.createNode({ id: 'maintenance_again' }) as YAMLMap;
  copy.items.unshift(doc.createPair('<<', doc.createAlias(first)) as never);
  doc.addIn(['rules'], copy);
}

export function mutatedText(mutation: Mutation): string {
  const doc = parseDocument(readFileSync(`policies/${mutation.policy}.yaml`, 'utf8'));
  mutation.edit(doc);
  return String(doc);
}
