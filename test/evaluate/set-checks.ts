// Checks shared by the hand-made evaluation sets' tests (bbc-set.test.ts, reuters-set.test.ts): sentence
// splitting, phrase placement, corpus loading and the shape assertions both sets make.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

export type SetQuestion = { id: string; q: string; gold: string[]; must_contain: string[]; style: string; category: string };
export type SetAbstain = { id: string; q: string; kind: string; note?: string };
export type HandMadeSet = { about: string; questions: SetQuestion[]; abstain: SetAbstain[] };
export type CorpusArticle = { id: string; title: string; text: string; category?: string };

export const STYLES = ['article-words', 'own-words', 'factoid', 'keywords'];

export const readSet = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as HandMadeSet;

export const norm = (text: string) => text.replace(/\s+/g, ' ').trim();
// Sentence ends: . ! ? (optionally closing a quote) followed by whitespace. BBC style writes "Mr", "Dr" without a dot.
export const sentences = (text: string) => text.split(/(?<=[.!?]["'”’]?)\s+/);
// Quoted speech ("I'm sorry. It is ...") splits one reported sentence in two, so phrases may instead share a
// window of ±300 characters around the first phrase.
export const WINDOW = 300;

export function phrasesTogether(text: string, phrases: string[]): boolean {
  if (sentences(text).some((s) => phrases.every((p) => s.includes(p)))) return true;
  for (let at = text.indexOf(phrases[0]!); at >= 0; at = text.indexOf(phrases[0]!, at + 1)) {
    const window = text.slice(Math.max(0, at - WINDOW), at + phrases[0]!.length + WINDOW);
    if (phrases.every((p) => window.includes(p))) return true;
  }
  return false;
}

/** The corpus's non-blank JSONL lines from..from+count (all of them by default), parsed. */
export function readCorpus(file: string, from = 0, count?: number): CorpusArticle[] {
  const lines = readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '');
  return lines.slice(from, count === undefined ? undefined : from + count).map((line) => JSON.parse(line) as CorpusArticle);
}

/** Articles by id, and the ids sharing each whitespace-normalised text. */
export function indexCorpus(list: CorpusArticle[]) {
  const articles = new Map<string, CorpusArticle>();
  const idsByText = new Map<string, string[]>();
  for (const a of list) {
    articles.set(a.id, a);
    idsByText.set(norm(a.text), [...(idsByText.get(norm(a.text)) ?? []), a.id]);
  }
  return { articles, idsByText };
}

export function expectAbstainShape(abstain: SetAbstain[], minTotal: number, minNearMisses: number): void {
  expect(abstain.length).toBeGreaterThanOrEqual(minTotal);
  const nearMisses = abstain.filter((a) => a.kind === 'near-miss');
  expect(nearMisses.length).toBeGreaterThanOrEqual(minNearMisses);
  for (const a of abstain) expect(['near-miss', 'off-topic']).toContain(a.kind);
  for (const a of nearMisses) expect(a.note, a.id).toBeTruthy();
}

/** Unique ids, one article per question, 1-3 phrases, and 3-6 word keyword queries. */
export function expectIdsAndPhrases(questions: SetQuestion[], abstain: SetAbstain[]): void {
  const ids = [...questions.map((q) => q.id), ...abstain.map((a) => a.id)];
  expect(new Set(ids).size).toBe(ids.length);
  expect(new Set(questions.map((q) => q.gold[0])).size).toBe(questions.length);
  for (const q of questions) {
    expect(q.must_contain.length, q.id).toBeGreaterThanOrEqual(1);
    expect(q.must_contain.length, q.id).toBeLessThanOrEqual(3);
    if (q.style === 'keywords') expect(q.q.trim().split(/\s+/).length, q.id).toBeGreaterThanOrEqual(3);
    if (q.style === 'keywords') expect(q.q.trim().split(/\s+/).length, q.id).toBeLessThanOrEqual(6);
  }
}
