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

  it('joins a short verb that drops its silent e to its forms ("vote", "voted", "voting"), not to a word spelt without it', () => {
    for (const base of ['vote', 'use', 'make', 'save', 'face', 'hope']) {
      const stem = base.slice(0, -1);
      for (const form of [`${base}d`, `${stem}ing`, `${base}s`]) expect(lightStem(form), form).toBe(lightStem(base));
    }
    // A doubled consonant marks a base without the e; x, w and y are never doubled.
    expect(lightStem('hopped')).toBe(lightStem('hop'));
    expect(lightStem('hopped')).not.toBe(lightStem('hoped'));
    expect(lightStem('rated')).not.toBe(lightStem('rats'));
    expect(lightStem('fixed')).toBe(lightStem('fix'));
    expect(lightStem('asked')).toBe(lightStem('ask'));
    expect(lightStem('thing')).toBe('thing');
  });

  it('joins a verb in -y or -ie to its past in -ied, as to its other forms ("deny", "denied"; "die", "died", "dying")', () => {
    for (const [base, ...forms] of [['deny', 'denied', 'denies', 'denying'], ['rally', 'rallied', 'rallies'], ['die', 'died', 'dies', 'dying'], ['tie', 'tied', 'ties', 'tying']]) {
      for (const form of forms) expect(lightStem(form!), form).toBe(lightStem(base!));
    }
    expect(lightStem('playing')).toBe(lightStem('played'));
  });
});
