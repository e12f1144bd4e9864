import { describe, expect, it } from 'vitest';
import { findDate, isRelativeTime, toIsoDate } from '../../src/clean/dates.js';

describe('dates', () => {
  it.each([
    ['August 5, 2024', '2024-08-05'],
    ['Aug. 4, 2024', '2024-08-04'],
    ['Sunday, 4 August 2024, 17:25', '2024-08-04'],
    ['3rd of October 2024', '2024-10-03'],
    ['2024-08-05T09:12:00+03:00', '2024-08-05'],
    ['Mon, 05 Aug 2024 09:12:00 GMT', '2024-08-05'],
    ['25.12.2024', '2024-12-25'],
    ['12/25/2024', '2024-12-25'],
    ['05.05.2024', '2024-05-05'],
    ['12. März 2025, 14:05 Uhr', '2025-03-12'],
    ['1er février 2025', '2025-02-01'],
    ['8 de mayo de 2025', '2025-05-08'],
    ['3 marzo 2025', '2025-03-03'],
    ['3 de março de 2025', '2025-03-03'],
    ['9 вересня 2024, 08:40', '2024-09-09'],
    ['15 июля 2024 г.', '2024-07-15'],
  ])('%s → %s', (text, iso) => {
    expect(toIsoDate(text)).toBe(iso);
  });

  it.each(['03.04.2024', '3/4/2024', 'February 30, 2024', '2024-13-01', 'in May 2024', '', 'Summer 2024', '31 février 2025', 'im März 2025'])(
    'refuses an ambiguous or impossible date: %s',
    (text) => {
      expect(toIsoDate(text)).toBeNull();
    },
  );

  it('reports where a weekday glued to a name starts', () => {
    const line = 'KATERYNA TYSHCHENKOSunday, 4 August 2024';
    const found = findDate(line)!;
    expect(line.slice(0, found.start)).toBe('KATERYNA TYSHCHENKO');
  });

  it('does not take the end of a word for a weekday', () => {
    const line = 'Salmon, 4 August 2024';
    expect(line.slice(0, findDate(line)!.start)).toBe('Salmon, ');
  });
});

describe('relative times', () => {
  it('recognises a relative time printed where the date goes, and nothing longer', () => {
    expect(['2 hours ago', 'Updated 35 mins ago', 'an hour ago', '3 days ago'].every(isRelativeTime)).toBe(true);
    expect(['Two hours ago, the council voted.', 'ago', '2 hours'].some(isRelativeTime)).toBe(false);
  });
});
