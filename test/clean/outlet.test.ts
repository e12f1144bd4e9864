import { describe, expect, it } from 'vitest';
import { findWireOutlet } from '../../src/clean/outlet.js';

describe('findWireOutlet', () => {
  it.each([
    ['PORTVILLE, March 3 (Harbor Wire) - The council voted on Monday to fund a flood barrier.', 'Harbor Wire'],
    ['OSTMARK, Nordland (NP) — Storm winds cut power to 40,000 homes overnight.', 'NP'],
    ['NEW HARBOR/OSTMARK (Harbor Wire) – Ferry operators agreed on a common timetable.', 'Harbor Wire'],
  ])('reads the outlet a wire dateline names: %s', (paragraph, outlet) => {
    expect(findWireOutlet([paragraph])).toBe(outlet);
  });

  it('looks past a photo caption at the first paragraphs only', () => {
    const caption = 'The old sea wall near Pier 9. Photo: Ana Lima';
    const dateline = 'PORTVILLE (Harbor Wire) - The council voted on Monday to fund a flood barrier.';
    expect(findWireOutlet([caption, dateline])).toBe('Harbor Wire');
    expect(findWireOutlet([caption, caption, caption, dateline])).toBeNull();
  });

  it.each([
    'PORTVILLE — The council voted on Monday to fund a flood barrier.',
    'The council (which met on Monday) - said little.',
    'Portville (Harbor Wire) - lower-case place names are not a dateline.',
  ])('finds none without a capitalised dateline and a bracketed name before the dash: %s', (paragraph) => {
    expect(findWireOutlet([paragraph])).toBeNull();
  });
});
