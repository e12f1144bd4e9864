import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

type Question = { id: string; q: string; gold: string[]; must_contain: string[]; style: string; category: string };
type Abstain = { id: string; q: string; kind: string; note?: string };
type Article = { id: string; category: string; title: string; text: string };

const set = JSON.parse(readFileSync(path.resolve(process.cwd(), 'eval/bbc-qa.json'), 'utf8')) as {
  about: string;
  questions: Question[];
  abstain: Abstain[];
};
const corpusPath = path.resolve(process.cwd(), '../shared/corpora/bbc-news/bbc-news.jsonl');
const hasCorpus = existsSync(corpusPath);

const categories = ['business', 'entertainment', 'politics', 'sport', 'tech'];
const styles = ['article-words', 'own-words', 'factoid', 'keywords'];
const norm = (text: string) => text.replace(/\s+/g, ' ').trim();
// Sentence ends: . ! ? (optionally closing a quote) followed by whitespace. BBC style writes "Mr", "Dr" without a dot.
const sentences = (text: string) => text.split(/(?<=[.!?]["'”’]?)\s+/);
// Quoted speech ("I'm sorry. It is ...") splits one reported sentence in two, so phrases may instead share a
// window of ±300 characters around the first phrase.
const WINDOW = 300;

function phrasesTogether(text: string, phrases: string[]): boolean {
  if (sentences(text).some((s) => phrases.every((p) => s.includes(p)))) return true;
  for (let at = text.indexOf(phrases[0]!); at >= 0; at = text.indexOf(phrases[0]!, at + 1)) {
    const window = text.slice(Math.max(0, at - WINDOW), at + phrases[0]!.length + WINDOW);
    if (phrases.every((p) => window.includes(p))) return true;
  }
  return false;
}

describe('BBC eval set: shape', () => {
  const { questions, abstain } = set;

  it('has 8 questions per category, 10 per style and 2 per style in each category', () => {
    expect(questions).toHaveLength(40);
    for (const c of categories) expect(questions.filter((q) => q.category === c), c).toHaveLength(8);
    for (const s of styles) expect(questions.filter((q) => q.style === s), s).toHaveLength(10);
    for (const c of categories)
      for (const s of styles) expect(questions.filter((q) => q.category === c && q.style === s), `${c}/${s}`).toHaveLength(2);
  });

  it('has at least 12 abstain questions, at least 4 of them near misses with a note', () => {
    expect(abstain.length).toBeGreaterThanOrEqual(12);
    const nearMisses = abstain.filter((a) => a.kind === 'near-miss');
    expect(nearMisses.length).toBeGreaterThanOrEqual(4);
    for (const a of abstain) expect(['near-miss', 'off-topic']).toContain(a.kind);
    for (const a of nearMisses) expect(a.note, a.id).toBeTruthy();
  });

  it('uses unique ids, one article per question, 1-3 phrases and 3-6 word keyword queries', () => {
    const ids = [...questions.map((q) => q.id), ...abstain.map((a) => a.id)];
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(questions.map((q) => q.gold[0])).size).toBe(questions.length);
    for (const q of questions) {
      expect(q.must_contain.length, q.id).toBeGreaterThanOrEqual(1);
      expect(q.must_contain.length, q.id).toBeLessThanOrEqual(3);
      if (q.style === 'keywords') expect(q.q.trim().split(/\s+/).length, q.id).toBeGreaterThanOrEqual(3);
      if (q.style === 'keywords') expect(q.q.trim().split(/\s+/).length, q.id).toBeLessThanOrEqual(6);
    }
  });
});

describe('BBC eval set: against the corpus', () => {
  const articles = new Map<string, Article>();
  const idsByText = new Map<string, string[]>();
  if (hasCorpus) {
    for (const line of readFileSync(corpusPath, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const a = JSON.parse(line) as Article;
      articles.set(a.id, a);
      idsByText.set(norm(a.text), [...(idsByText.get(norm(a.text)) ?? []), a.id]);
    }
  }
  const note = hasCorpus ? '' : ` (skipped: corpus not found at ${corpusPath})`;

  it.skipIf(!hasCorpus)(`every gold id exists and is in the question's category${note}`, () => {
    for (const q of set.questions)
      for (const id of q.gold) expect(articles.get(id)?.category, `${q.id} ${id}`).toBe(q.category);
  });

  it.skipIf(!hasCorpus)(`gold lists every duplicate (same whitespace-normalised text) of its articles${note}`, () => {
    for (const q of set.questions)
      for (const id of q.gold)
        for (const dup of idsByText.get(norm(articles.get(id)!.text))!) expect(q.gold, `${q.id}: ${id} = ${dup}`).toContain(dup);
  });

  it.skipIf(!hasCorpus)(`each phrase is verbatim in a gold article and a question's phrases share one sentence${note}`, () => {
    for (const q of set.questions) {
      const texts = q.gold.map((id) => articles.get(id)!.text);
      for (const p of q.must_contain) expect(texts.some((t) => t.includes(p)), `${q.id}: "${p}"`).toBe(true);
      expect(texts.some((t) => phrasesTogether(t, q.must_contain)), `${q.id}: phrases apart`).toBe(true);
    }
  });
});
