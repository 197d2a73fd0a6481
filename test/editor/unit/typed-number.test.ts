import { describe, expect, it } from 'vitest';
import { parseTypedNumber, toHalfWidth } from '../../../editor/src/format/typed-number.js';
import { fromText } from '../../../editor/src/form/decimal-input.js';

describe('typed numbers', () => {
  it('keeps the digits as typed', () => {
    expect(parseTypedNumber('1.50', 'none')).toBe('1.50');
    expect(parseTypedNumber('1.', 'none')).toBe('1');
    expect(parseTypedNumber('.5', 'none')).toBe('0.5');
    expect(parseTypedNumber('007', 'none')).toBe('7');
    expect(parseTypedNumber('-0', 'none')).toBe('0');
    expect(parseTypedNumber('-2.5', 'none')).toBe('-2.5');
  });

  it('reads full-width digits, signs and separators', () => {
    expect(toHalfWidth('１２３．５％')).toBe('123.5%');
    expect(parseTypedNumber('１．８', 'money')).toBe('1.8');
    expect(parseTypedNumber('－３', 'none')).toBe('-3');
    expect(parseTypedNumber('１，２３４．５', 'money')).toBe('1234.5');
    expect(parseTypedNumber('1 234', 'none')).toBe('1234');
  });

  it('accepts ¥, ￥ and 元 around money and % or ％ after a percentage, nowhere else', () => {
    expect(parseTypedNumber('¥1,234.50', 'money')).toBe('1234.50');
    expect(parseTypedNumber('￥１２００', 'money')).toBe('1200');
    expect(parseTypedNumber('2元', 'money')).toBe('2');
    expect(parseTypedNumber('-¥3.5', 'money')).toBe('-3.5');
    expect(parseTypedNumber('2.5％', 'percent')).toBe('2.5');
    expect(parseTypedNumber('2.5 %', 'percent')).toBe('2.5');
    expect(parseTypedNumber('2%', 'money')).toBeUndefined();
    expect(parseTypedNumber('¥2', 'percent')).toBeUndefined();
    expect(parseTypedNumber('2元', 'none')).toBeUndefined();
  });

  it('refuses what is not one number', () => {
    for (const bad of ['', '.', '-', '1e3', '1.2.3', '2,5', '12,34', '1,2345', 'abc', '1..2', '¥']) expect(parseTypedNumber(bad, 'money')).toBeUndefined();
  });

  it('gives each field the exact decimal for the YAML', () => {
    expect(fromText('２．５％', 'percent')).toBe('0.025');
    expect(fromText('30', 'percent')).toBe('0.30');
    expect(fromText('0.5', 'percent')).toBe('0.005');
    expect(fromText('１，２００元', 'money')).toBe('1200');
    expect(fromText('12', 'integer')).toBe('12');
    expect(fromText('1.5', 'integer')).toBeUndefined();
    expect(fromText('0.80', 'plain')).toBe('0.80');
  });
});
