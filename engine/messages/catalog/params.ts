// Messages about parameter values (scalars, maps, lists, tiers, schedules) and typed data cells.
import { SCALAR_EXPECTATIONS, SCALAR_PLURALS } from '../../data/scalar.js';
import type { ScalarType } from '../../policy/policy-document.js';
import { entry } from '../message.js';
import { ticks, zhTicks } from '../format.js';

const ZH_EXPECTATIONS: Record<ScalarType, string> = {
  rate: '0 到 1 之间的比率', ratio: '非负数', money: '金额', count: '大于等于 0 的整数', integer: '整数', number: '数值',
};
const zhScalar = (type: string) => ZH_EXPECTATIONS[type as ScalarType] ?? type;
const enScalar = (type: string) => SCALAR_EXPECTATIONS[type as ScalarType] ?? type;
const enPlural = (type: string) => SCALAR_PLURALS[type as ScalarType] ?? type;

export const paramMessages = {
  'param.scalar': entry((p: { type: string }) => enScalar(p.type), (p) => zhScalar(p.type)),
  'param.expected-scalar': entry(
    (p: { type: string; got: string }) => `expected ${enScalar(p.type)}, got ${p.got}`,
    (p) => `此处应为${zhScalar(p.type)}，实际为 ${p.got}`),
  'param.expected-map': entry(
    (p: { of: string; got: string }) => `expected a map of ${enPlural(p.of)}, got ${p.got}`,
    (p) => `此处应为由${zhScalar(p.of)}组成的映射，实际为 ${p.got}`),
  'param.expected-list': entry(
    (p: { of: string; got: string }) => `expected a list of ${enPlural(p.of)}, got ${p.got}`,
    (p) => `此处应为由${zhScalar(p.of)}组成的列表，实际为 ${p.got}`),
  'param.unknown-type': entry(
    (p: { type: string }) => `unknown parameter type \`${p.type}\``,
    (p) => `未知的参数类型 \`${p.type}\``),
  'param.tiers-min': entry(
    () => 'a tier list needs a `min` column',
    () => '阶梯表需要 `min` 列'),
  'param.tiers-empty': entry(
    (p: { got: string }) => `expected a non-empty list of tiers, got ${p.got}`,
    (p) => `此处应为非空的阶梯列表，实际为 ${p.got}`),
  'param.tier-shape': entry(
    (p: { columns: string[]; got: string }) => `expected a tier like {${p.columns.join(', ')}}, got ${p.got}`,
    (p) => `此处应为形如 {${p.columns.join(', ')}} 的阶梯，实际为 ${p.got}`),
  'param.tier-missing': entry(
    (p: { name: string; tier: number }) => `missing \`${p.name}\` in tier ${p.tier}`,
    (p) => `第 ${p.tier} 档缺少 \`${p.name}\``),
  'param.tier-unknown-column': entry(
    (p: { name: string; expected: string[] }) => `unknown column \`${p.name}\`, expected one of ${ticks(p.expected)}`,
    (p) => `未知列 \`${p.name}\`，应为 ${zhTicks(p.expected)} 之一`),
  'param.tiers-same-min': entry(
    (p: { a: number; b: number; min: string }) => `tiers ${p.a} and ${p.b} both start at ${p.min}: tiers must not overlap`,
    (p) => `第 ${p.a} 档和第 ${p.b} 档都从 ${p.min} 开始：各档不能重叠`),
  'param.tier-open': entry(
    (p: { a: number; b: number }) => `tier ${p.a} has no \`max\` but tier ${p.b} comes after it: only the last band may be open-ended`,
    (p) => `第 ${p.a} 档没有 \`max\`，但其后还有第 ${p.b} 档：只有最后一档可以不设上限`),
  'param.tiers-overlap': entry(
    (p: { a: number; max: string; b: number; min: string }) => `tier ${p.a} ends at ${p.max} but tier ${p.b} starts at ${p.min}: tiers overlap`,
    (p) => `第 ${p.a} 档止于 ${p.max}，而第 ${p.b} 档从 ${p.min} 开始：各档重叠`),
  'param.tiers-gap': entry(
    (p: { a: number; max: string; b: number; min: string }) => `gap between tier ${p.a} (up to ${p.max}) and tier ${p.b} (from ${p.min}): a value in the gap would silently pay nothing`,
    (p) => `第 ${p.a} 档（至 ${p.max}）与第 ${p.b} 档（自 ${p.min}）之间有空档：落在空档中的值将不声不响地得不到任何报酬`),
  'param.tier-max': entry(
    (p: { tier: number; max: string; min: string }) => `tier ${p.tier} ends at ${p.max}, not above its min ${p.min}`,
    (p) => `第 ${p.tier} 档止于 ${p.max}，没有高于它的下限 ${p.min}`),
  'param.schedule-shape': entry(
    (p: { got: string }) => `expected a schedule {checkpoint month: {source quarter: share}}, got ${p.got}`,
    (p) => `此处应为返还计划 {考核月: {来源季度: 比例}}，实际为 ${p.got}`),
  'param.schedule-month': entry(
    (p: { month: string }) => `expected a checkpoint month 1–12, got \`${p.month}\``,
    (p) => `此处应为 1–12 的考核月，实际为 \`${p.month}\``),
  'param.schedule-quarters': entry(
    (p: { month: number; got: string }) => `expected {Q1: share, ...} for month ${p.month}, got ${p.got}`,
    (p) => `${p.month} 月此处应为 {Q1: 比例, ...}，实际为 ${p.got}`),
  'param.schedule-quarter': entry(
    (p: { quarter: string }) => `expected a source quarter Q1–Q4, got \`${p.quarter}\``,
    (p) => `此处应为来源季度 Q1–Q4，实际为 \`${p.quarter}\``),
  'param.schedule-early': entry(
    (p: { quarter: string; month: number }) => `quarter ${p.quarter} has not started by checkpoint month ${p.month}: nothing to return yet`,
    (p) => `到考核月 ${p.month} 月时 ${p.quarter} 季度尚未开始：还没有可返还的款项`),
};
