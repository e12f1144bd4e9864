import { describe, expect, it } from 'vitest';
import { glossCyrillic, preferIndexedTranslations } from '../../src/search/gloss.js';
import { parseQuery } from '../../src/search/query.js';

describe('reading a Russian or Ukrainian question in English', () => {
  it('translates question words, content words and place names, and drops function words', () => {
    const gloss = glossCyrillic('Сколько ракет упало в Исландии?');
    expect(gloss.text.split(' ').slice(0, 3)).toEqual(['how', 'many', 'missile']);
    expect(gloss.text).toContain('Iceland');
    expect(gloss.text).not.toMatch(/\p{Script=Cyrillic}/u);
  });

  it('keeps other names as written, for folding to transliterate, and lists them as names', () => {
    const question = 'Когда Лонг подписал соглашение?';
    expect(glossCyrillic(question).names).toEqual(['Лонг']);
    // "long" is also an English word: only the gloss can tell it was written as a name.
    const q = parseQuery(question);
    expect(q.names[q.words.indexOf('long')]).toBe(true);
  });

  it('drops "according to" phrases ("по словам", "за словами"): they frame whose words, not the topic', () => {
    const words = (question: string) => glossCyrillic(question).text.split(' ');
    expect(words('Что, по словам мэра, построят в порту?')).toEqual([...words('Что построят в порту?').slice(0, 1), 'mayor', ...words('Что построят в порту?').slice(1)]);
    expect(words('Що, за словами мера, збудують у порту?')).toHaveLength(words('Що збудують у порту?').length + 1);
  });

  it('reads "what happened" as English asks it', () => {
    expect(glossCyrillic('Что случилось с паромом в Тарвине?').text).toMatch(/^what happened /);
    expect(glossCyrillic('Що сталося з поромом у Тарвіні?').text).toMatch(/^what happened /);
    expect(glossCyrillic('Когда произошла авария на мосту?').text).toMatch(/^when happened /);
  });

  it('reads "о чём" as asking what', () => {
    expect(glossCyrillic('О чём договорились мэры?').text.split(' ')[0]).toBe('what');
  });

  it('counts the words no table translates, so evidence cannot ignore them', () => {
    expect(glossCyrillic('Коли відкрили абвгдейку?').untranslated.map((u) => u.keys[0])).toEqual(['abvgde']);
  });

  it('puts a speech verb after its speaker, as an English question asks', () => {
    expect(glossCyrillic('Що сказав Шульц про Чехію?').text).toBe('what did Шульц say Czechia');
    expect(parseQuery('Что сказал Шульц о Чехии?').kind).toBe('speech');
    // A speaker named in several common words: the verb waits for the preposition.
    const byOffice = parseQuery('Что заявил министр обороны о поставках?');
    expect(byOffice.kind).toBe('speech');
    expect(byOffice.english.startsWith('what did minister')).toBe(true);
  });

  it('records the dictionary’s other translations, for a sentence that says one of them', () => {
    const q = parseQuery('Сколько ракет упало?');
    expect(q.words).toContain('missile');
    expect(q.translations.missile).toContain('rocket');
  });

  it('reads a word borrowed from English as that word, and adds one the dictionary lacks as the next reading', () => {
    // The dictionary also gives "devil" for a form of "журналист"; the word it was borrowed from is its plain meaning.
    expect(glossCyrillic('Что сказали журналистами').text).toContain('journalist');
    expect(glossCyrillic('Что сказали журналистами').text).not.toContain('devil');
    // "мастер" is given as craftsman, foreman: "master" is the next way to read it.
    const masters = glossCyrillic('Что сказали мастерами');
    expect(masters.alternatives['craftsman']?.[0]).toBe('master');
  });

  it('gives the question the answer kind its question word asks for', () => {
    expect(parseQuery('Коли Коваль заявив про це?').kind).toBe('date');
    expect(parseQuery('Хто очолює банк?').kind).toBe('person');
    expect(parseQuery('Скільки коштує квиток?').kind).toBe('count');
    expect(parseQuery('Чи відкрили нову гавань?').kind).toBe('yes-no');
    expect(parseQuery('Открыли ли новую гавань?').kind).toBe('yes-no');
  });

  it('leaves English questions as they are', () => {
    expect(parseQuery('How many missiles fell?').translations).toEqual({});
  });
});

describe('choosing among translations with the coverage', () => {
  it('prefers a translation the index holds, keeping the other as an alternative', () => {
    const q = parseQuery('Сколько стоила новая гавань?');
    const chosen = q.words.find((w) => q.translations[w]?.length)!;
    const [other] = q.translations[chosen]!;
    const reread = preferIndexedTranslations(q, (w) => w === other);
    expect(reread.words).toContain(other);
    expect(reread.words).not.toContain(chosen);
    expect(reread.translations[other!]).toContain(chosen);
  });

  it('keeps the question as it is when its own translations are in the index', () => {
    const q = parseQuery('Сколько стоила новая гавань?');
    expect(preferIndexedTranslations(q, () => true)).toBe(q);
  });

  it('reads a capitalised dictionary word as the word when the index never spells it as a name', () => {
    const q = parseQuery('Когда закрылся ремонт Театра?');
    const name = q.words.find((w, i) => q.names[i] && q.readings[w])!;
    expect(q.readings[name]).toContain('theatre');
    const asWord = preferIndexedTranslations(q, (w) => w === 'theatre');
    expect(asWord.words).toContain('theatre');
    expect(asWord.names[asWord.words.indexOf('theatre')]).toBe(false);
    expect(asWord.english).toContain('theatre');
    // A theatre company named in the coverage as spelt: still the name.
    expect(preferIndexedTranslations(q, (w) => w === name || w === 'theatre').words).toContain(name);
  });

  it('gives the names of a Cyrillic question their other Latin spellings', () => {
    expect(parseQuery('Что сказал Гюнтер?').spellings.gyunter).toContain('gunter');
  });
});
