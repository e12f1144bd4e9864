import { describe, expect, it } from 'vitest';
import { lightStem, otherNumber } from '../../src/text/terms.js';

describe('lightStem', () => {
  it('joins a noun and its irregular plural, which no suffix stripping does', () => {
    for (const [one, many] of [['child', 'children'], ['woman', 'women'], ['crisis', 'crises'], ['person', 'people']]) {
      expect(lightStem(many!), many).toBe(lightStem(one!));
    }
    expect(otherNumber('children')).toBe('child');
    expect(otherNumber('child')).toBe('children');
    expect(otherNumber('ferry')).toBeUndefined();
  });

  it('leaves plurals that are also verbs news uses to the verb ("she leaves", "the firm halves its dividend")', () => {
    expect(lightStem('leaves')).toBe(lightStem('leave'));
    expect(lightStem('halves')).toBe(lightStem('halve'));
    expect(lightStem('lives')).toBe(lightStem('live'));
  });
});
