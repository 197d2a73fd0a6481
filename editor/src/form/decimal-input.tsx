// One number of a parameter: shown as typed, committed as an exact decimal string. A rate is
// shown as a percentage (0.02 ↔ "2 %"). Text that is not a number is marked, never committed.
// While the input has the focus its text is the person's own: no value arriving later (the
// YAML, the worker's answer) ever replaces it; on leaving, it shows the committed value.
import { useEffect, useRef, useState } from 'react';
import { Exact } from '../../../engine/index.js';
import { parseTypedNumber } from '../format/typed-number.js';
import { percentToRate, rateToPercent } from '../format/percent.js';
import { useI18n } from '../i18n/i18n.js';

export type Display = 'percent' | 'money' | 'integer' | 'plain';

interface Props {
  label: string;
  value: string;
  display: Display;
  onCommit: (value: string) => void;
}

const toText = (value: string, display: Display) => (display === 'percent' ? rateToPercent(value) : value);
export const fromText = (text: string, display: Display) => {
  const v = display === 'percent' ? percentToRate(text) : parseTypedNumber(text, display === 'money' ? 'money' : 'none');
  if (v !== undefined && display === 'integer' && !/^-?\d+$/.test(v)) return undefined;
  return v;
};
const same = (a: string | undefined, b: string) => {
  const x = a === undefined ? undefined : Exact.tryParse(a);
  const y = Exact.tryParse(b);
  return Boolean(x && y && x.eq(y));
};

export function DecimalInput({ label, value, display, onCommit }: Props) {
  const { t } = useI18n();
  const [text, setText] = useState(() => toText(value, display));
  const focused = useRef(false);
  // The value changed elsewhere (the YAML): show it, unless the person is typing here or the
  // text already means it.
  useEffect(() => {
    if (!focused.current && !same(fromText(text, display), value)) setText(toText(value, display));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value, display]);
  const parsed = fromText(text, display);
  return (
    <span className={`decimal ${display}`}>
      {display === 'money' ? <span className="unit-prefix">¥</span> : null}
      <input
        type="text"
        inputMode="decimal"
        aria-label={label}
        aria-invalid={parsed === undefined}
        title={parsed === undefined ? t('form.invalidNumber') : undefined}
        value={text}
        onFocus={() => { focused.current = true; }}
        onBlur={() => {
          focused.current = false;
          const v = fromText(text, display);
          if (v !== undefined && v !== value) onCommit(v);
          // Shown as the YAML holds it (`１，２００元` becomes `1200`); text that is no number stays, marked.
          if (v !== undefined) setText(toText(v, display));
        }}
        onChange={(e) => {
          setText(e.target.value);
          // Written exactly as typed: `1.50` over `1.5` is a change of the text.
          const v = fromText(e.target.value, display);
          if (v !== undefined && v !== value) onCommit(v);
        }}
      />
      {display === 'percent' ? <span className="unit-suffix">%</span> : null}
    </span>
  );
}
