// The expression parser: precedence and associativity (shown by printing every node in
// parentheses), names, calls, keys and indexes, and syntax errors with the offsets a message
// points at.
import { describe, expect, it } from 'vitest';
import { type Expr, ExpressionSyntaxError } from '../../../engine/expression/ast.js';
import { namesIn, parseExpression } from '../../../engine/expression/parse-expression.js';

/** Every node in parentheses, so the tree's shape is visible. */
function show(e: Expr): string {
  switch (e.type) {
    case 'number': return e.value.toString();
    case 'boolean': return String(e.value);
    case 'text': return JSON.stringify(e.value);
    case 'name': return e.name;
    case 'member': return `${show(e.object)}.${e.property}`;
    case 'index': return `${show(e.object)}[${show(e.index)}]`;
    case 'unary': return `(${e.op} ${show(e.arg)})`;
    case 'binary': return `(${show(e.left)} ${e.op} ${show(e.right)})`;
    case 'call': return `${e.callee}(${e.args.map(show).join(', ')})`;
  }
}
const parsed = (text: string) => show(parseExpression(text));

function syntaxError(text: string) {
  try {
    parseExpression(text);
  } catch (e) {
    if (e instanceof ExpressionSyntaxError) return { message: e.message, at: text.slice(e.start, e.end), start: e.start };
    throw e;
  }
  throw new Error(`\`${text}\` parsed`);
}

describe('parseExpression', () => {
  it.each([
    ['1 + 2 * 3', '(1 + (2 * 3))'],
    ['10 - 3 - 2', '((10 - 3) - 2)'],
    ['120 / 4 / 3', '((120 / 4) / 3)'],
    ['(1 - completion) / step', '((1 - completion) / step)'],
    ['-a * -b', '((- a) * (- b))'],
    ['a + b >= c * 2', '((a + b) >= (c * 2))'],
    ['a < 1 and b > 2 or not c', '(((a < 1) and (b > 2)) or (not c))'],
    ['a && b || !c', '((a and b) or (not c))'],
    ['x == 1 != false', '((x == 1) != false)'],
    ['card_rate.mobile * sales', '(card_rate.mobile * sales)'],
    ['awards[position - 1]', 'awards[(position - 1)]'],
    ['min(a, max(b, 1_000), .5)', 'min(a, max(b, 1000), 0.5)'],
    ['sum(revenue_actual, year_to_date) >= sum(revenue_plan, year_to_date)', '(sum(revenue_actual, year_to_date) >= sum(revenue_plan, year_to_date))'],
    ['if(a, 1, 2)', 'if(a, 1, 2)'],
  ])('%s', (text, tree) => {
    expect(parsed(text)).toBe(tree);
  });

  it('keeps the offsets of names for messages, function names excluded', () => {
    expect(namesIn(parseExpression('min(cap, rate * x.y)'))).toEqual([
      { name: 'cap', start: 4, end: 7 }, { name: 'rate', start: 9, end: 13 }, { name: 'x', start: 16, end: 17 },
    ]);
  });

  it.each([
    ['revenue * (rate', 'expected `)`, got the end of the expression', ''],
    ['revenue * * 2', 'expected a number, a text, a name or `(`, got `*`', '*'],
    ['2x + 1', 'unexpected `2x`: a name cannot start with a digit', '2x'],
    ['a # b', 'unexpected character `#`', '#'],
    ['a b', 'unexpected `b` after a complete expression', 'b'],
    ['rates.', 'expected a key after `.`, got the end of the expression', ''],
    ['and + 1', 'unexpected `and`', 'and'],
    ['', 'expected a number, a text, a name or `(`, got the end of the expression', ''],
  ])('`%s` is a syntax error: %s', (text, message, at) => {
    expect(syntaxError(text)).toMatchObject({ message, at });
  });
});
