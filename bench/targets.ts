// Issue 13's targets, each with the figure measured in this run and whether it holds. The
// editor's targets are measured in Chromium by the browser test, not here.
import type { Timed } from './clock.js';
import type { PrivateLineComparison } from './compare-private-line.js';
import type { RuralComparison } from './compare-rural.js';
import type { ChildReport } from './settle-child.js';

export interface Target {
  name: string;
  /** The measured figure, as printed (`0.21×`); empty when not measured here. */
  figure: string;
  /** `≥ 0.5×`. */
  target: string;
  /** Undefined when the bench cannot measure it. */
  met?: boolean;
}

const rate = (t: Timed) => t.payeeMonths / t.cpuSeconds;

function ratio(name: string, value: number, atLeast: number): Target {
  return { name, figure: `${value.toFixed(value >= 10 ? 1 : 2)}×`, target: `≥ ${atLeast}×`, met: value >= atLeast };
}

export function targetsOf(r: { rural: RuralComparison; privateLine: PrivateLineComparison; rss: [ChildReport, ChildReport]; rssPayees: [number, number] }): Target[] {
  const rss = r.rss[1].maxRssMb / r.rss[0].maxRssMb;
  const sizes = r.rssPayees.map((p) => p.toLocaleString('en-US'));
  return [
    ratio('rural: Ratecard (amounts) / hand-written exact integers', rate(r.rural.ratecard) / rate(r.rural.integer), 0.5),
    ratio('rural, lines as columns: Ratecard / exact integers', rate(r.rural.ratecardColumns) / rate(r.rural.integerColumns), 0.5),
    ratio('rural: Ratecard (with explanations) / hand-written exact integers', rate(r.rural.ratecardExplained) / rate(r.rural.integer), 0.2),
    ratio('rural: Ratecard (amounts) / json-rules-engine', rate(r.rural.ratecard) / rate(r.rural.jsonRulesEngine), 100),
    ratio('private-line: Ratecard (amounts) / hand-written exact integers', rate(r.privateLine.ratecard) / rate(r.privateLine.integer), 0.5),
    { name: 'editor: parameter edit to impact on screen, 10,000 payees × 12', figure: '', target: '≤ 1 s' },
    { name: 'editor: parameter edit to impact on screen, 100,000 payees × 12', figure: '', target: '≤ 5 s' },
    { name: `memory: peak RSS of \`ratecard settle\`, ${sizes[1]} / ${sizes[0]} payees`, figure: `${rss.toFixed(2)}×`, target: '≤ 1.5×', met: rss <= 1.5 },
  ];
}
