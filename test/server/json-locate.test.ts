import { describe, expect, it } from 'vitest';
import { locateJson, positionAt } from '../../server/json-locate.js';

describe('locateJson', () => {
  const text = '{\n  "policy": {"id": "x"},\n  "dataset": {\n    "payees": {"file": "p.csv", "text": "a,\\"b\\"\\n"},\n    "facts": [1, {"x": [2, 3]}]\n  }\n}';
  it('points at the member a path names', () => {
    expect(locateJson(text, ['policy'])).toEqual({ line: 2, column: 3 });
    expect(locateJson(text, ['policy', 'id'])).toEqual({ line: 2, column: 14 });
    expect(locateJson(text, ['dataset', 'payees', 'text'])).toEqual({ line: 4, column: 33 });
    expect(locateJson(text, ['dataset', 'facts', '1', 'x', '1'])).toEqual({ line: 5, column: 28 });
  });
  it('stops at the deepest part present', () => {
    expect(locateJson(text, ['dataset', 'transactions'])).toEqual({ line: 3, column: 3 });
    expect(locateJson(text, [])).toEqual({ line: 1, column: 1 });
    expect(locateJson('  [1, 2', ['5'])).toEqual({ line: 1, column: 3 });
  });
  it('turns an offset into line and column', () => {
    expect(positionAt('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});
