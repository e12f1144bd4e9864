import { describe, expect, it } from 'vitest';
import { foldForIndex } from '../../src/text/fold.js';
import { parseQuery, searchPhrases } from '../../src/search/query.js';
import { ftsMatchExpression } from '../../src/store/sqlite/filters.js';
import { ownWordAlternatives, ownWordTerms, translatedTerms, withCyrillicWordings, withLatinWordings, wordsToTranslate } from '../../src/search/own-words.js';
import { openWordNet } from '../../src/wordnet/wordnet.js';
import { specificity } from '../../src/search/word-weights.js';

describe('searchPhrases', () => {
  it('also looks for the irregular other number of a word, which the stemmer does not join to it', () => {
    const phrases = searchPhrases(parseQuery('How many children did the Harwick school take in?'));
    expect(phrases).toContainEqual(['children']);
    expect(phrases).toContainEqual(['child']);
    expect(searchPhrases(parseQuery('How many ferries did Harwick buy?'))).not.toContainEqual(['ferry']);
  });

  it("also looks for an irregular verb's other forms: an article that says \"who bought\" answers \"who will buy\"", () => {
    const phrases = searchPhrases(parseQuery('Who will buy the Harwick ferry?'));
    expect(phrases).toContainEqual(['bought']);
    expect(searchPhrases(parseQuery('Who bought the Harwick ferry?'))).toContainEqual(['buy']);
    expect(searchPhrases(parseQuery('Who will sail the Harwick ferry?')).flat()).toEqual(expect.not.arrayContaining(['sailed', 'sold']));
  });
});

describe('folding for search', () => {
  it('folds diacritics, letters NFKD keeps, and curly quotes', () => {
    expect(foldForIndex('Władysław Kosiniak-Kamysz’s “plan”')).toBe('wladyslaw kosiniak kamysz plan');
  });

  it('writes a model name one way whether or not it has a hyphen', () => {
    expect(foldForIndex('MiG29 and B52 jets')).toBe(foldForIndex('MiG-29 and B-52 jets'));
    expect(foldForIndex('two B-52s')).toBe(foldForIndex('two B52 jets').replace(' jets', ''));
    expect(foldForIndex('H5N1 in the 1980s')).toBe('h5n1 in the 1980');
  });

  it("writes a number's ordinal as the number, so \"16-year-olds\" and \"16th birthday\" share it", () => {
    expect(foldForIndex('her 16th birthday on the 1st of May')).toBe('her 16 birthday on the 1 of may');
  });

  it('gives spelling variants of names and places one form', () => {
    expect(foldForIndex('Zelenskyy Zelenskiy Zelensky')).toBe('zelensky zelensky zelensky');
    expect(foldForIndex('Kiev defence neighbouring')).toBe(foldForIndex('Kyiv defense neighboring'));
    expect(foldForIndex('Sikorski')).toBe(foldForIndex('Сікорський'));
  });

  it('reads "US", "U.S." and "USA" in capitals as the country, one word, and "us" as the pronoun', () => {
    expect(foldForIndex('US and U.S. and U.S.A. and USA troops')).toBe('usa and usa and usa and usa troops');
    expect(foldForIndex('they told us')).toBe('they told us');
    expect(parseQuery('What did the U.S. say?').words).toEqual(['usa']);
  });

  it('transliterates Cyrillic names to the spelling English news uses', () => {
    expect(foldForIndex('Зеленський Столтенберг НАТО')).toBe('zelensky stoltenberg nato');
  });
});

describe('parseQuery', () => {
  it('rejects empty and over-long questions with a message that says why', () => {
    expect(() => parseQuery('   ')).toThrow(/empty/);
    expect(() => parseQuery('x'.repeat(1001))).toThrow(/1001 characters.*1000/);
  });

  it('drops the words that name the kind of answer and records the cue', () => {
    const q = parseQuery('Which news agency first reported the coalition plan?');
    expect(q.kind).toBe('source');
    expect(q.words).not.toContain('agency');
    expect(q.words).toContain('coalition');
  });

  it('reads a Cyrillic question in English: names transliterated, places by their English names, other words translated', () => {
    const q = parseQuery('Що сказав Шульц про ракети над Чехією?');
    expect(q.words).toEqual(['shults', 'missile', 'czechia']);
    expect(q.names).toEqual([true, false, true]);
  });

  it('keeps the Cyrillic words of a question, as keys of their forms, for coverage in that language', () => {
    const q = parseQuery('Скільки коштує ремонт мосту?');
    expect(q.originals['bridge']).toContain('most');
    expect(searchPhrases(q)).toContainEqual(['remont*']);
    expect(ftsMatchExpression(searchPhrases(q))).toContain('"remont"*');
    // An English question has none.
    expect(searchPhrases(parseQuery('How much does the bridge repair cost?')).flat().some((w) => w.endsWith('*'))).toBe(false);
  });

  it('reads the small words inside a name as part of it, and only there', () => {
    const q = parseQuery('Who won the race in Rio de Janeiro in July?');
    expect(q.words.filter((_, i) => q.names[i])).toEqual(['rio', 'de', 'janeiro', 'july']);
    const other = parseQuery('Who holds de facto control of the port?');
    expect(other.names[other.words.indexOf('de')]).toBe(false);
  });

  it('reads the number in a word with digits as a name, but not the ordinary words beside it', () => {
    const q = parseQuery('When do ceremonies for 16-year-olds start?');
    expect(q.words.filter((_, i) => q.names[i])).toEqual(['16']);
    const model = parseQuery('How many F-16s arrived?');
    expect(model.names[model.words.indexOf('16')]).toBe(true);
  });

  it('leaves out hedges and reflexive pronouns an asker adds ("what exactly", "did it ever actually")', () => {
    expect(parseQuery('What exactly does the council say it backs the ferry in doing, if not running it itself?').words).toEqual([
      'council',
      'backs',
      'ferry',
      'running',
    ]);
    expect(parseQuery('Did the Orrin ferry ever actually sail?').words).toEqual(['orrin', 'ferry', 'sail']);
  });

  it('leaves out how a chat request opens, and indefinite pronouns: they are the asking, not what is asked', () => {
    expect(parseQuery('Tell me everything about the Orrin ferry strike').words).toEqual(['orrin', 'ferry', 'strike']);
    expect(parseQuery('Summarise what the council said about the ferry').words).toEqual(['council', 'ferry']);
    expect(parseQuery('Could you compare the two bids for the Orrin ferry?').words).toEqual(['two', 'bids', 'orrin', 'ferry']);
    // Not at the start, the same word is a word of the question.
    expect(parseQuery('Which list did the council publish?').words).toContain('list');
    // The coverage named as the place to look is not looked for in it.
    expect(parseQuery('What do the sources say about the Orrin ferry strike?').words).toEqual(['orrin', 'ferry', 'strike']);
    expect(parseQuery('In the articles, who ended the strike?').words).toEqual(['ended', 'strike']);
    expect(parseQuery('Which sources reported the strike?').words).toContain('sources');
    expect(parseQuery('What is known about the Orrin ferry strike?').words).toEqual(['orrin', 'ferry', 'strike']);
    // The same requests in Ukrainian and Russian.
    expect(parseQuery('Розкажи про страйк').words).toEqual(parseQuery('Страйк').words);
    expect(parseQuery('Що відомо про страйк?').words).toEqual(parseQuery('Страйк').words);
  });

  it('reads what "how many" counts as the plural noun of the phrase after it, else its first word', () => {
    const counted = (question: string) => {
      const q = parseQuery(question);
      return q.counted === null ? null : q.words[q.counted];
    };
    expect(counted('How many part-time dock workers in Tolva are on strike?')).toBe('workers');
    expect(counted('How many harbour pilots stood down at Harwick?')).toBe('pilots');
    expect(counted("How many of Tolva's provinces back the tax?")).toBe('provinces');
    expect(counted('How many years after the merger did the Harwick mill close?')).toBe('years');
    expect(counted('How many staff has the Harwick mill kept on?')).toBe('staff');
    expect(counted('When did the Harwick mill close?')).toBeNull();
  });

  it('reads "what happened" as a timeline, unless it gives the date it asks about', () => {
    expect(parseQuery('What happened to the Orrin bridge?')).toMatchObject({ timeline: true, kind: 'date' });
    expect(parseQuery('What happened on 14 July at the Orrin bridge?')).toMatchObject({ timeline: false, kind: 'open' });
  });

  it('takes "constructor" and other words that name object properties as words', () => {
    expect(foldForIndex('constructor toString')).toBe('constructor tostring');
    expect(parseQuery('Which constructor built the bridge?').words).toEqual(['constructor', 'built', 'bridge']);
  });

  it('reads an English question in Russian and Ukrainian too, for coverage written in them', () => {
    const q = withCyrillicWordings(parseQuery('How much did Verbytsky pay for the library in 2023?'), (w) => [{ text: w, factor: 1 }]);
    expect(q.inCoverageLanguages['library']).toEqual(expect.arrayContaining(['byblyo']));
    // A name by its first letters, which its Cyrillic case forms start with; a number by itself.
    expect(q.inCoverageLanguages['verbytsky']).toEqual(['verbyt']);
    expect(q.inCoverageLanguages['2023']).toBeUndefined();
    // Searched as other wordings are, not as the asker's own words.
    expect(translatedTerms(q)).toContain('byblyo*');
    expect(ownWordTerms(q)).toEqual([]);
  });

  it("translates an irregular verb form by its verb's translations", () => {
    const wordnet = openWordNet();
    const q = withCyrillicWordings(parseQuery('Who won the Harwick regatta?'), (w) => wordsToTranslate(w, wordnet));
    // WordNet has "won" as a noun (a currency) the tables lack; "win" they have.
    expect(q.inCoverageLanguages['won']).toEqual(expect.arrayContaining(['pobed']));
  });

  it('translates a word the tables lack by the nearest word they have, as a looser wording', () => {
    const wordnet = openWordNet();
    const q = withLatinWordings(parseQuery('Which veterinarian did the Harwick farmers hire?'), ['fr', 'de'], (w) => wordsToTranslate(w, wordnet));
    expect(q.inCoverageLanguages['veterinarian']).toBeUndefined();
    const near = q.nearInCoverageLanguages['veterinarian']!;
    expect(near.flatMap((n) => n.keys)).toEqual(expect.arrayContaining(['fr:veterinair', 'de:tierarzt']));
    expect(near.every((n) => n.factor < 1)).toBe(true);
    // A word the tables have is translated as itself.
    expect(q.inCoverageLanguages['farmers']).toEqual(expect.arrayContaining(['fr:paysan']));
    expect(q.nearInCoverageLanguages['farmers']).toBeUndefined();
    // Matched and searched for, at the looser word's factor.
    const alternative = ownWordAlternatives(q).find((a) => a.stems[0] === 'fr:veterinair');
    expect(alternative).toMatchObject({ covers: [q.words.indexOf('veterinarian')] });
    expect(alternative!.factor).toBeLessThan(1);
    expect(translatedTerms(q)).toContain('veterinair*');
  });

  it('quotes every term so question punctuation is never read as FTS syntax', () => {
    const q = parseQuery('What about "air defence" AND NOT (missiles)?');
    const expression = ftsMatchExpression(searchPhrases(q))!;
    expect(expression).toContain('"air defense"');
    expect(expression.split(' OR ').every((t) => /^"[^"]+"$/.test(t))).toBe(true);
  });
});

describe('word specificity', () => {
  it('weighs names and rare words above everyday words', () => {
    expect(specificity('stoltenberg')).toBeGreaterThan(specificity('missile'));
    expect(specificity('missile')).toBeGreaterThan(specificity('day'));
    expect(specificity('come')).toBe(0);
  });
});
