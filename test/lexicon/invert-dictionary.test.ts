import { describe, expect, it } from 'vitest';
import { dictEntries, invertDictionary, russianWordCounts, translationsOf, writeGlossary } from '../../src/lexicon/invert-dictionary.js';

// A few articles in the dictd text format of Mueller's dictionary: headword at the start of a line, article indented.
const DICTIONARY = [
  '00-database-short',
  '     A test dictionary',
  'bank',
  '   _I  [bæŋk]',
  '      1. _n.',
  '         1) берег (особ. реки)',
  '         2) отмель, банка',
  '   _II [bæŋk]',
  '      1. _n.',
  '         1) банк; bank of issue эмиссионный банк',
  'harbour',
  '   [↗hɑ:bɜ] _n. гавань, порт; to put into harbour войти в гавань',
  'haven',
  '   [↗heɪvn] _n. гавань; убежище',
  'port',
  '   [pɔ:t] _n. порт, гавань',
  'ports',
  '   _pl. от port; порты',
  'British',
  '   [↗brɪtɪʃ] _a. британский',
  'roll',
  '   [rɜʊl] 1) свиток 2) рулон 3) список 4) реестр 5) булка 6) вал 7) каток 8) рокот 9) заявка',
  // Common as a verb, rare as the noun that translates "выработка": "output" means the noun.
  'make',
  '   [mɛɪk] 1. _v. делать 2. _n. выработка',
  'output',
  '   [↗aʊtpʊt] _n. выпуск; выработка',
  // Lettered senses after an English phrase are the phrase's: "third party" is a witness, "third" is not.
  'third',
  '   [θɜ:d] 1. _n-ord. третий; third person а) _грам. третье лицо; б) _юр. свидетель 2. _n. а) треть; б) терция',
  // Wrapped lines that lost their indent: Cyrillic, or closing a bracket the article opened.
  'syllabus',
  '   [↗sɪlɜbɜs] _n. программа (школы, института,',
  'университета); конспект (of a course',
  'lecture)',
].join('\n');

const COMMONNESS: Record<string, number> = { harbour: 3, haven: 1, port: 4, bank: 5, roll: 5, make: 8, 'make v': 8, 'make n': 1, output: 3 };
const english = {
  isLemma: (word: string) => word !== 'ports',
  commonness: (word: string, partOfSpeech: string | null) => COMMONNESS[partOfSpeech ? `${word} ${partOfSpeech}` : word] ?? COMMONNESS[word] ?? 0,
};

describe('inverting an English-Russian dictionary', () => {
  it('reads headwords and their indented articles, leaving out the database header', () => {
    expect(dictEntries(DICTIONARY).map(([head]) => head)).toEqual(['bank', 'harbour', 'haven', 'port', 'ports', 'British', 'roll', 'make', 'output', 'third', 'syllabus']);
  });

  it('leaves out the lettered senses of an English phrase in the article, keeping those of the headword', () => {
    const [, third] = dictEntries(DICTIONARY).find(([head]) => head === 'third')!;
    expect(translationsOf(third).map((t) => t.russian)).toEqual(['третий', 'треть', 'терция']);
  });

  it('reads a wrapped line that lost its indent as part of the article, so a bracket it closes still hides its remark', () => {
    const [, syllabus] = dictEntries(DICTIONARY).find(([head]) => head === 'syllabus')!;
    expect(translationsOf(syllabus).map((t) => t.russian)).toEqual(['программа', 'конспект']);
  });

  it('takes single-word translations, skipping examples with English in them and remarks in brackets', () => {
    const [, harbour] = dictEntries(DICTIONARY).find(([head]) => head === 'harbour')!;
    expect(translationsOf(harbour).map((t) => t.russian)).toEqual(['гавань', 'порт']);
    const [, bank] = dictEntries(DICTIONARY).find(([head]) => head === 'bank')!;
    expect(translationsOf(bank).map((t) => t.russian)).toEqual(['берег', 'отмель', 'банка', 'банк']);
  });

  it('counts places from each homograph, so the money sense of "bank" is a first translation too', () => {
    const [, bank] = dictEntries(DICTIONARY).find(([head]) => head === 'bank')!;
    expect(translationsOf(bank).find((t) => t.russian === 'банк')!.position).toBe(0);
    expect(invertDictionary(DICTIONARY, english).get('банк')![0]!.english).toBe('bank');
  });

  it('ranks the English words of a Russian word by commonness and by how early the article gives it', () => {
    const glossary = invertDictionary(DICTIONARY, english);
    // гавань: first in "harbour" (3) and "haven" (1), second in "port" (4 − 1.5).
    expect(glossary.get('гаван')!.map((t) => t.english)).toEqual(['harbour', 'port', 'haven']);
    expect(glossary.get('порт')!.map((t) => t.english)).toEqual(['port', 'harbour']);
  });

  it('weighs an English word by how common it is as the part of speech its block of the article is', () => {
    const [, make] = dictEntries(DICTIONARY).find(([head]) => head === 'make')!;
    expect(translationsOf(make).map((t) => [t.russian, t.partOfSpeech])).toEqual([['делать', 'v'], ['выработка', 'n']]);
    // "output" gives it second (3 − 1.5), "make" first but as a rare noun (1).
    expect(invertDictionary(DICTIONARY, english).get('выработк')!.map((t) => t.english)).toEqual(['output', 'make']);
  });

  it('keeps only lemmas, lower-cases adjectives of places, and drops translations far down an article', () => {
    const glossary = invertDictionary(DICTIONARY, english);
    expect(glossary.get('британск')!.map((t) => t.english)).toEqual(['british']);
    expect([...glossary.values()].flat().map((t) => t.english)).not.toContain('ports');
    expect(glossary.has('заявк')).toBe(false);
  });

  it('writes one line per stem and counts how many articles give each Russian word', () => {
    expect(writeGlossary(invertDictionary(DICTIONARY, english))).toContain('гаван\tгавань=harbour гавань=port гавань=haven\n');
    expect(russianWordCounts(DICTIONARY).get('гавань')).toBe(3);
  });
});
