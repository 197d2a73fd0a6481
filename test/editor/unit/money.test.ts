import { describe, expect, it } from 'vitest';
import { formatDelta, formatMoney, signClass } from '../../../editor/src/format/money.js';

describe('money formatting', () => {
  it('formats ¥ with thousands separators and cents', () => {
    expect(formatMoney('404365.56', 'en')).toBe('¥404,365.56');
    expect(formatMoney('-35020.12', 'zh-CN')).toBe('-¥35,020.12');
    expect(formatMoney('0', 'en')).toBe('¥0.00');
    expect(formatMoney('7.5', 'en')).toBe('¥7.50');
    expect(formatMoney('-0.001', 'en')).toBe('¥0.00');
  });

  it('never goes through a float: amounts beyond 2^53 keep every digit', () => {
    expect(formatMoney('123456789012345678901.23', 'en')).toBe('¥123,456,789,012,345,678,901.23');
    expect(formatMoney('9007199254740993.01', 'zh-CN')).toBe('¥9,007,199,254,740,993.01');
  });

  it('rounds half-up to the cent', () => {
    expect(formatMoney('1.005', 'en')).toBe('¥1.01');
    expect(formatMoney('-1.005', 'en')).toBe('-¥1.01');
  });

  it('signs deltas', () => {
    expect(formatDelta('1200', 'en')).toBe('+¥1,200.00');
    expect(formatDelta('-3.5', 'en')).toBe('-¥3.50');
    expect(formatDelta('0', 'en')).toBe('¥0.00');
  });

  it('leaves text that is not a number as it is', () => {
    expect(formatMoney('n/a', 'en')).toBe('n/a');
  });
});

describe('delta colours', () => {
  it('classes a delta by its sign', () => {
    expect([signClass('12.30'), signClass('-0.01'), signClass('0.00'), signClass('x')]).toEqual(['pos', 'neg', '', '']);
  });
});
