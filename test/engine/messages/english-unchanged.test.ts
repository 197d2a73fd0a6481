// Every message the engine carries renders in English to exactly the text it carries beside it:
// traces, explanations and reasons of all bundled scenarios, byte for byte.
import { describe, expect, it } from 'vitest';
import { type ConditionTrace, explainLine, explanationText, localizeStatement, render } from '../../../engine/index.js';
import { explain, explanationMessage } from '../../../engine/evaluate/trace.js';
import { SCENARIOS, settleScenario } from '../../fixtures/scenario.js';

function steps(t: ConditionTrace, out: ConditionTrace[] = []): ConditionTrace[] {
  out.push(t);
  t.children?.forEach((c) => steps(c, out));
  return out;
}

describe.each(SCENARIOS)('%s in English', (name) => {
  const statement = settleScenario(name, undefined, { unpaid: true });
  const traces = [...statement.lines, ...statement.withheld, ...(statement.unpaid ?? [])].map((i) => i.trace);

  it('renders every condition step, formula and reason to the text it carries', () => {
    let checked = 0;
    for (const t of traces) {
      for (const c of t.conditions.flatMap((x) => steps(x))) {
        expect(c.msg, c.text).toBeDefined();
        expect(render(c.msg!, 'en')).toBe(c.text);
        checked++;
      }
      const f = t.formula;
      if (f?.msg?.expression) expect(render(f.msg.expression, 'en')).toBe(f.expression);
      if (f?.msg?.substituted) expect(render(f.msg.substituted, 'en')).toBe(f.substituted);
      if (f?.msg?.rounding) expect(render(f.msg.rounding, 'en')).toBe(f.rounding);
    }
    for (const w of [...statement.withheld, ...(statement.unpaid ?? [])]) {
      expect(w.reasonMessage).toBeDefined();
      expect(render(w.reasonMessage!, 'en')).toBe(w.reason);
    }
    expect(traces.length).toBeGreaterThan(0);
    if (name === 'rural-contract') expect(checked).toBeGreaterThan(500);
  });

  it('explains every line as the statement does, and localizing to English changes nothing', () => {
    for (const l of statement.lines) {
      expect(explain(l.trace, 'en')).toBe(l.explanation);
      expect(render(explanationMessage(l.trace), 'en')).toBe(l.explanation);
      expect(explanationText(l, 'en')).toBe(l.explanation);
    }
    expect(localizeStatement(statement, 'en')).toBe(statement);
    // the multi-line explanation in English is the default one
    for (const item of statement.withheld.slice(0, 20)) expect(explainLine(item, 'en')).toBe(explainLine(item));
  });

  it('gives a withheld item settled for amounts only (its reason made when read) the same reason and message', () => {
    const amounts = settleScenario(name, undefined, { detail: 'amounts' });
    expect(amounts.withheld.map((w) => w.reason)).toEqual(statement.withheld.map((w) => w.reason));
    expect(amounts.withheld.map((w) => render(w.reasonMessage!, 'zh-CN'))).toEqual(statement.withheld.map((w) => render(w.reasonMessage!, 'zh-CN')));
    // made when read, the reason is in JSON too (a spread copies own fields only: serialise, or settle with `lazyReasons: false`)
    expect(JSON.parse(JSON.stringify(amounts.withheld)).map((w: { reason?: string }) => w.reason)).toEqual(statement.withheld.map((w) => w.reason));
  });
});
