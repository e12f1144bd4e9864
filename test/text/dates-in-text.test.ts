import { describe, expect, it } from 'vitest';
import { askedPeriodStart } from '../../src/text/dates-in-text.js';

describe('askedPeriodStart', () => {
  it('gives the first day of the month or the day a question dates itself by', () => {
    expect(askedPeriodStart('What caused the Harwick bank run in October 1987?')).toBe('1987-10-01');
    expect(askedPeriodStart('What happened at the Orrin yard on 4 May 2005?')).toBe('2005-05-04');
    expect(askedPeriodStart('What happened on May 4, 2005?')).toBe('2005-05-04');
  });

  it('gives the earliest of several', () => {
    expect(askedPeriodStart('Did sales fall in March 2004 or in June 2003?')).toBe('2003-06-01');
  });

  it('reads no bare year, no fiscal year and no month without a year', () => {
    expect(askedPeriodStart('What did the 2016 bonds close at?')).toBeNull();
    expect(askedPeriodStart('How much did exports fall in March 1987/88?')).toBeNull();
    expect(askedPeriodStart('What happened in October?')).toBeNull();
  });
});
