import { describe, expect, it } from 'vitest';
import { slavicKeys, slavicTextKeys } from '../../src/text/slavic-stem.js';

/** Whether two words meet: a key of the first (a question's word) is among the keys of the second (a text's). */
const meet = (asked: string, written: string) => slavicKeys(asked).some((k) => slavicTextKeys(written).includes(k));

describe('slavicKeys', () => {
  it('gives the forms of a noun one key, in Ukrainian and in Russian', () => {
    for (const forms of ['програма програми програмі програму програмою програм', 'кредит кредити кредитів кредитом', 'больница больницы больнице больницу больниц больницами']) {
      const words = forms.split(' ');
      for (const a of words) for (const b of words) expect(meet(a, b), `${a} ~ ${b}`).toBe(true);
    }
  });

  it('gives adjectives, past tenses and reflexive verbs in any form the same key', () => {
    expect(meet('державної', 'державний')).toBe(true);
    expect(meet('новых', 'новая')).toBe(true);
    expect(meet('заявив', 'заявила')).toBe(true);
    expect(meet('заявил', 'заявить')).toBe(true);
    expect(meet('открылась', 'открыли')).toBe(true);
  });

  it('restores a fleeting vowel and a doubled consonant, and reaches a long form from a short one', () => {
    expect(meet('березня', 'березень')).toBe(true);
    expect(meet('рішень', 'рішення')).toBe(true);
    expect(meet('коштує', 'коштуватиме')).toBe(true);
    // Ukrainian і in a closed syllable is о or е in the word's other forms, and in Russian.
    expect(meet('мосту', 'міст')).toBe(true);
    expect(meet('мост', 'міст')).toBe(true);
    expect(meet('року', 'рік')).toBe(true);
    expect(meet('печі', 'піч')).toBe(true);
    expect(meet('кореня', 'корінь')).toBe(true);
  });

  it('keeps words that only look alike apart', () => {
    expect(meet('город', 'гордый')).toBe(false);
    expect(meet('держава', 'держати')).toBe(false);
    expect(meet('стоимость', 'стоило')).toBe(false);
  });

  it('folds keys like the stored text, so each is the start of the word as the full-text index holds it', () => {
    expect(slavicKeys('Луцьк')).toEqual(['lutsk']);
    expect('kredytiv'.startsWith(slavicKeys('кредити')[0]!)).toBe(true);
  });
});
