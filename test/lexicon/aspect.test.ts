import { describe, expect, it } from 'vitest';
import { imperfectiveStems, infinitives, irregularPartner, perfectiveInfinitives, withoutEmptyPrefix } from '../../src/lexicon/aspect.js';

describe('the imperfective partners of Russian perfective verbs', () => {
  it('forms them by the regular suffixes, the vowel after the stem choosing between -ыва- and -ива-', () => {
    expect(imperfectiveStems('созда', 'создал')[0]).toBe('создава');
    expect(imperfectiveStems('откр', 'открыл').indexOf('открыва')).toBeLessThan(imperfectiveStems('откр', 'открыл').indexOf('открива'));
    expect(imperfectiveStems('уб', 'убил').indexOf('убива')).toBeLessThan(imperfectiveStems('уб', 'убил').indexOf('убыва'));
    expect(imperfectiveStems('заработа', 'заработал')).toContain('зарабатыва');
  });

  it('changes -ить to -ать/-ять with the consonant changes Russian makes there', () => {
    expect(imperfectiveStems('реш', 'решил')).toContain('реша');
    expect(imperfectiveStems('запрет', 'запретил')).toContain('запреща');
    expect(imperfectiveStems('объяв', 'объявил')).toContain('объявля');
    expect(imperfectiveStems('освобод', 'освободил')).toContain('освобожда');
    expect(imperfectiveStems('предлож', 'предложил')).toContain('предлага');
    expect(imperfectiveStems('оплат', 'оплатили')).toContain('оплачива');
  });

  it('knows the partners of -нять, -чать and the compounds of "идти"', () => {
    expect(imperfectiveStems('приня', 'приняли')).toContain('принима');
    expect(imperfectiveStems('снял', 'сняли')).toContain('снима');
    expect(imperfectiveStems('нача', 'начали')).toContain('начина');
    expect(imperfectiveStems('нашл', 'нашли')).toContain('наход');
  });

  it('knows the few partners no pattern forms', () => {
    expect(irregularPartner('куп')).toBe('покупа');
    expect(irregularPartner('реш')).toBeUndefined();
  });

  it('does not read a root of two letters as a verb of its own', () => {
    expect(imperfectiveStems('упа', 'упали')).not.toContain('упива');
  });

  it('strips only the prefixes that merely make a verb perfective, and never to a stub', () => {
    expect(withoutEmptyPrefix('построил')).toEqual(['строил']);
    expect(withoutEmptyPrefix('спасли')).toEqual([]);
    expect(withoutEmptyPrefix('пол')).toEqual([]);
  });
});

describe('the perfective verbs list', () => {
  it('keeps the infinitives among words', () => {
    expect(infinitives(['решить', 'решение', 'беречь', 'идти', 'решить'])).toEqual(['беречь', 'идти', 'решить']);
  });

  it("keeps the verbs Apertium's Russian analyser calls perfective", () => {
    const stream = [
      '^решить/решить<vblex><perf><tv><inf>$',
      '^стоить/стоить<vblex><impf><iv><inf>$',
      '^жаркое/жаркий<adj><nt><sg><nom>/жаркое<n><nt><nn><sg><nom>$',
      '^абвгдеть/*абвгдеть$',
    ];
    expect(perfectiveInfinitives(stream)).toEqual(['решить']);
  });
});
