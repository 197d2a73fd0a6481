// Type-level proof that engine/policy/policy-document.ts has exactly the shape of
// engine/policy/schema.ts: the same properties, the same required ones, the same enums, object
// by object. It is not run; test/engine/policy/schema-types.test.ts compiles it with tsc, and
// any drift is a compile error naming the line below.
import type { FromSchema } from 'json-schema-to-ts';
import type { policySchema } from '../../../engine/policy/schema.js';
import type {
  AmountDocument, FactCondition, FieldDeclaration, MetricDocument, ParamDeclaration, PolicyDocument, RuleDocument,
} from '../../../engine/policy/policy-document.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
/** Schema object → its property names and its required ones. */
type Props<S> = S extends { properties: infer P } ? keyof P : never;
type Required_<S> = S extends { required: readonly (infer R)[] } ? R : never;
type EnumOf<S> = S extends { enum: readonly (infer E)[] } ? E : S extends { const: infer C } ? C : never;

/** `Same<...>` only accepts `true`: each alias below fails to compile when its two sides drift. */
type Same<T extends true> = T;
type Schema = typeof policySchema;
type Defs = Schema['$defs'];
type Field = Schema['properties']['facts']['additionalProperties'];
type FactConditionSchema = Defs['condition']['oneOf'][4];

export type Checks = [
  // the policy document
  Same<Equal<keyof PolicyDocument, Props<Schema>>>,
  Same<Equal<RequiredKeys<PolicyDocument>, Required_<Schema>>>,
  Same<Equal<keyof PolicyDocument['applies_to'], Props<Schema['properties']['applies_to']>>>,
  Same<Equal<RequiredKeys<PolicyDocument['applies_to']>, Required_<Schema['properties']['applies_to']>>>,
  Same<Equal<keyof NonNullable<PolicyDocument['effective']>, Props<Schema['properties']['effective']>>>,
  Same<Equal<keyof NonNullable<PolicyDocument['rounding']>, Props<Schema['properties']['rounding']>>>,
  Same<Equal<NonNullable<NonNullable<PolicyDocument['rounding']>['mode']>, EnumOf<Schema['properties']['rounding']['properties']['mode']>>>,
  Same<Equal<keyof NonNullable<PolicyDocument['transactions']>, Props<Schema['properties']['transactions']>>>,
  // facts and transaction fields
  Same<Equal<keyof FieldDeclaration, Props<Field>>>,
  Same<Equal<RequiredKeys<FieldDeclaration>, Required_<Field>>>,
  Same<Equal<FieldDeclaration['type'], EnumOf<Field['properties']['type']>>>,
  // parameters
  Same<Equal<keyof ParamDeclaration, Props<Defs['param']>>>,
  Same<Equal<RequiredKeys<ParamDeclaration>, Required_<Defs['param']>>>,
  Same<Equal<ParamDeclaration['type'], EnumOf<Defs['param']['properties']['type']>>>,
  Same<Equal<NonNullable<ParamDeclaration['of']>, EnumOf<Defs['param']['properties']['of']>>>,
  // conditions
  Same<Equal<keyof FactCondition, Props<FactConditionSchema>>>,
  Same<Equal<RequiredKeys<FactCondition>, Required_<FactConditionSchema>>>,
  Same<Equal<FactCondition['operator'], EnumOf<FactConditionSchema['properties']['operator']>>>,
  // rules
  Same<Equal<keyof RuleDocument, Props<Defs['rule']>>>,
  Same<Equal<RequiredKeys<RuleDocument>, Required_<Defs['rule']>>>,
  Same<Equal<RuleDocument['kind'], EnumOf<Defs['rule']['properties']['kind']>>>,
  Same<Equal<NonNullable<RuleDocument['frequency']>, EnumOf<Defs['rule']['properties']['frequency']>>>,
  Same<Equal<NonNullable<RuleDocument['for_each']>, EnumOf<Defs['rule']['properties']['for_each']>>>,
  Same<Equal<NonNullable<RuleDocument['round']>, EnumOf<Defs['rule']['properties']['round']>>>,
  // amounts and metrics (not recursive, so json-schema-to-ts can derive them): each side fits the other
  Same<Mutual<AmountDocument, FromSchema<Defs['amount']>>>,
  Same<Mutual<MetricDocument, FromSchema<Defs['metric']>>>,
];
type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
