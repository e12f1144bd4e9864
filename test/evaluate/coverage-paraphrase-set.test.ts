// The held-out paraphrase set over ../shared/coverage (eval/coverage-paraphrase.json): its shape, and that its gold
// files and phrases match the five coverage pages. Written by reading the pages only; this test never runs the system.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { norm, phrasesTogether, sentences } from './set-checks.js';

type Question = { id: string; q: string; gold: string[]; must_contain: string[]; style: string };
type Abstain = { id: string; q: string; kind: string; note: string };
type ParaphraseSet = { about: string; questions: Question[]; abstain: Abstain[] };

const setPath = path.resolve(import.meta.dirname, '../../eval/coverage-paraphrase.json');
const set = JSON.parse(readFileSync(setPath, 'utf8')) as ParaphraseSet;
const COVERAGE = path.resolve(import.meta.dirname, '../../../shared/coverage');
const hasCoverage = existsSync(COVERAGE);
const note = hasCoverage ? '' : ` (skipped: coverage not found at ${COVERAGE})`;

// Scoring ignores case and quote style.
const fold = (text: string) => text.toLowerCase().replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
const UKRAINIAN_ONLY = /[іїєґ]/iu;
const RUSSIAN_ONLY = /[ыэъё]/iu;
const CYRILLIC = /\p{Script=Cyrillic}/u;

describe('coverage paraphrase set: shape', () => {
  const { questions, abstain } = set;

  it('says how it was written', () => {
    expect(set.about).toMatch(/before any run/);
  });

  it('has 40 questions cp01..cp40: 20 own-words, 4 keywords, 8 Ukrainian, 8 Russian', () => {
    expect(questions.map((q) => q.id)).toEqual(questions.map((_, i) => `cp${String(i + 1).padStart(2, '0')}`));
    const count = (style: string) => questions.filter((q) => q.style === style).length;
    expect({ own: count('own-words'), keywords: count('keywords'), uk: count('ukrainian'), ru: count('russian') }).toEqual({
      own: 20,
      keywords: 4,
      uk: 8,
      ru: 8,
    });
  });

  it('asks English questions in Latin script, keyword queries in 3-6 words, and Cyrillic ones in the right language', () => {
    for (const q of questions) {
      if (q.style === 'own-words' || q.style === 'keywords') expect(CYRILLIC.test(q.q), q.id).toBe(false);
      if (q.style === 'keywords') expect(q.q.trim().split(/\s+/).length, q.id).toBeGreaterThanOrEqual(3);
      if (q.style === 'keywords') expect(q.q.trim().split(/\s+/).length, q.id).toBeLessThanOrEqual(6);
      if (q.style === 'ukrainian') expect(CYRILLIC.test(q.q) && !RUSSIAN_ONLY.test(q.q), q.id).toBe(true);
      if (q.style === 'russian') expect(CYRILLIC.test(q.q) && !UKRAINIAN_ONLY.test(q.q), q.id).toBe(true);
    }
    expect(questions.filter((q) => q.style === 'ukrainian' && UKRAINIAN_ONLY.test(q.q)).length).toBeGreaterThanOrEqual(6);
  });

  it('gives each question 1-2 phrases and 3-digit gold prefixes, without repeats', () => {
    for (const q of questions) {
      expect(q.must_contain.length, q.id).toBeGreaterThanOrEqual(1);
      expect(q.must_contain.length, q.id).toBeLessThanOrEqual(2);
      expect(q.gold.length, q.id).toBeGreaterThanOrEqual(1);
      for (const g of q.gold) expect(g, q.id).toMatch(/^\d{3}$/);
      expect(new Set(q.gold).size, q.id).toBe(q.gold.length);
    }
  });

  it('has 8 abstain items, 5 near misses and 3 off-topic, each with a note, and unique ids overall', () => {
    expect(abstain.map((a) => a.id)).toEqual(abstain.map((_, i) => `cpx${String(i + 1).padStart(2, '0')}`));
    expect(abstain.filter((a) => a.kind === 'near-miss')).toHaveLength(5);
    expect(abstain.filter((a) => a.kind === 'off-topic')).toHaveLength(3);
    for (const a of abstain) expect(a.note, a.id).toBeTruthy();
    const ids = [...questions, ...abstain].map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('coverage paraphrase set: against ../shared/coverage', () => {
  const files = hasCoverage ? readdirSync(COVERAGE).filter((f) => /^\d{3}_/.test(f)) : [];
  const text = new Map(files.map((f) => [f.slice(0, 3), readFileSync(path.join(COVERAGE, f), 'utf8')]));

  it.skipIf(!hasCoverage)(`every gold prefix names exactly one coverage file${note}`, () => {
    expect(text.size).toBe(files.length);
    for (const q of set.questions) for (const g of q.gold) expect(text.has(g), `${q.id}: ${g}`).toBe(true);
  });

  it.skipIf(!hasCoverage)(`every phrase is verbatim in the first gold file, all of a question's in one sentence${note}`, () => {
    for (const q of set.questions) {
      const first = text.get(q.gold[0]!)!;
      for (const p of q.must_contain) expect(first.includes(p), `${q.id}: "${p}" in ${q.gold[0]}`).toBe(true);
      expect(phrasesTogether(first, q.must_contain), `${q.id}: phrases apart`).toBe(true);
    }
  });

  it.skipIf(!hasCoverage)(`every gold file can score: it holds a phrase, case and quote style ignored${note}`, () => {
    for (const q of set.questions)
      for (const g of q.gold) {
        const folded = fold(text.get(g)!);
        expect(q.must_contain.some((p) => folded.includes(fold(p))), `${q.id}: no phrase in ${g}`).toBe(true);
      }
  });

  it.skipIf(!hasCoverage)(`gold lists every file that copies the answering sentence${note}`, () => {
    for (const q of set.questions) {
      const answering = sentences(text.get(q.gold[0]!)!).find((s) => s.includes(q.must_contain[0]!))!;
      for (const [prefix, body] of text)
        if (norm(body).includes(norm(answering))) expect(q.gold, `${q.id}: ${prefix} copies "${norm(answering)}"`).toContain(prefix);
    }
  });
});
