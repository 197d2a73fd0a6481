// Bounded expressions: 3,000 nested parentheses, a 5,000-term sum, a long chain of keys or a
// 5,000-digit constant are syntax errors at the token that crossed the limit, naming it, never
// a stack overflow; expressions of every size a policy needs still parse.
import { describe, expect, it } from 'vitest';
import { ExpressionSyntaxError } from '../../../engine/expression/ast.js';
import { EXPRESSION_LIMITS, parseExpression } from '../../../engine/expression/parse-expression.js';

function syntaxError(text: string) {
  try {
    parseExpression(text);
  } catch (e) {
    if (e instanceof ExpressionSyntaxError) return { message: e.message, start: e.start };
    throw e;
  }
  throw new Error('parsed');
}

const SIZE = 'the expression has more than 1000 tokens, the limit on expression size: split it into metrics';
const DEPTH = 'the expression nests more than 100 levels deep, the limit on expression depth: split it into metrics';

describe('expression limits', () => {
  it('refuses 3,000 nested parentheses: too many tokens, and 300 at the 101st level', () => {
    expect(syntaxError('('.repeat(3000) + 'x' + ')'.repeat(3000))).toEqual({ message: SIZE, start: 1000 });
    expect(syntaxError('('.repeat(300) + 'x' + ')'.repeat(300))).toEqual({ message: DEPTH, start: 100 });
    expect(syntaxError('-'.repeat(300) + 'x')).toEqual({ message: DEPTH, start: 99 });
    expect(syntaxError('min('.repeat(300) + 'x' + ')'.repeat(300)).message).toBe(DEPTH);
  });

  it('refuses a 5,000-term sum at the token past the size limit', () => {
    const text = Array(5000).fill('revenue_actual').join(' + ');
    expect(syntaxError(text)).toEqual({ message: SIZE, start: text.indexOf('revenue_actual', 500 * 17) });
  });

  it('refuses a chain of more than 100 operators or keys, where it crosses the limit', () => {
    // the 101st level of a left-leaning sum is the sum of its first 50 terms
    const sum = Array(150).fill('a').join(' + ');
    expect(syntaxError(sum)).toEqual({ message: DEPTH, start: 0 });
    expect(syntaxError(`x * (${sum})`)).toEqual({ message: DEPTH, start: 5 });
    expect(syntaxError('m' + '.k'.repeat(150)).message).toBe(DEPTH);
    expect(syntaxError('l' + '[0]'.repeat(150)).message).toBe(DEPTH);
  });

  it('parses what a policy needs up to the limits', () => {
    expect(() => parseExpression(Array(100).fill('a').join(' + '))).not.toThrow();
    expect(() => parseExpression('('.repeat(99) + 'x' + ')'.repeat(99))).not.toThrow();
    expect(() => parseExpression('m' + '.k'.repeat(99))).not.toThrow();
    expect(() => parseExpression(Array(500).fill('a * b').join(' > 0 and '))).toThrow(ExpressionSyntaxError);
    expect(EXPRESSION_LIMITS).toEqual({ tokens: 1000, depth: 100 });
  });

  it('refuses a number beyond the limits of written numbers, at the number', () => {
    const digits = '9'.repeat(5000);
    expect(syntaxError(`x * ${digits}`)).toEqual({ message: '`99999999999999999999…` has 5,000 significant digits, over the limit of 30 digits for a number', start: 4 });
    expect(syntaxError(`x * 0.${'0'.repeat(40)}1`)).toEqual({ message: '`0.000000000000000000…` is too precise: over the limit of 30 decimal places', start: 4 });
    expect(parseExpression('1_000_000 * 0.000001').type).toBe('binary');
  });
});
