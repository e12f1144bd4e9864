import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Embedder } from '../embed/embedder.js';
import { csvFields } from './corpus.js';

/**
 * Headline → article retrieval, the measurement behind the build's choices (tokenizer, dimensions, weighting):
 * each headline is a query, its own article the one relevant passage among all the articles of the set.
 */
export interface RetrievalScore {
  set: string;
  pairs: number;
  recallAt1: number;
  recallAt10: number;
  mrr: number;
}

export interface Pair {
  query: string;
  passage: string;
}

/** Every `step`-th headline/body pair of BBC News (body cut to 600 chars) and AG News from `corporaDir`. */
export function evaluationSets(corporaDir: string, perSet = 1000): Record<string, Pair[]> {
  const sets: Record<string, Pair[]> = {};
  const bbc = path.join(corporaDir, 'bbc-news/bbc-news.jsonl');
  if (existsSync(bbc)) {
    const rows = readFileSync(bbc, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { title: string; text: string });
    sets['bbc title→body'] = every(rows, perSet).map((r) => ({ query: r.title, passage: r.text.replace(/^.*\n/, '').slice(0, 600) }));
  }
  const ag = path.join(corporaDir, 'ag-news-test/test.csv');
  if (existsSync(ag)) {
    const rows = readFileSync(ag, 'utf8').split('\n').filter(Boolean).map(csvFields);
    sets['ag title→summary'] = every(rows, perSet).map((f) => ({ query: f[1]!, passage: f[2]!.replace(/\\/g, ' ').replace(/#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))) }));
  }
  return sets;
}

/**
 * Question-like paraphrases of news sentences: BBC sentences (12–40 words) from many articles are the passages;
 * every fifth becomes a query with each word swapped for a WordNet synonym of its commonest sense (p `swap`) and
 * words dropped (p `drop`), the way a question shares few exact words with the sentence that answers it. Local
 * evaluation only: the corpora are never shipped. Caveat: the synonyms come from the same lexicon retrofitting uses.
 */
export function paraphraseSet(
  corporaDir: string,
  synonyms: ReadonlyMap<string, readonly string[]>,
  o: { sentences?: number; drop?: number; swap?: number; seed?: number; keep?: ReadonlySet<string> } = {},
): RankingSet | null {
  const bbc = path.join(corporaDir, 'bbc-news/bbc-news.jsonl');
  if (!existsSync(bbc)) return null;
  const rows = readFileSync(bbc, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { text: string });
  const all = rows.map((r) => r.text.replace(/^.*\n/, '').split(/(?<=[.!?]["']?)\s+(?=["A-Z])/).filter((s) => {
    const n = s.split(/\s+/).length;
    return n >= 12 && n <= 40;
  }));
  const perArticle = Math.max(1, Math.ceil((o.sentences ?? 5000) / rows.length));
  const passages = all.flatMap((ss) => ss.slice(0, perArticle)).slice(0, o.sentences ?? 5000).map((s) => s.trim());
  const rand = prng(o.seed ?? 1);
  const queries = passages.flatMap((p, target) => {
    if (target % 5 !== 0) return [];
    const words = p.toLowerCase().match(/[a-z0-9]+(?:['-][a-z0-9]+)*/g) ?? [];
    const changed = words.flatMap((w) => {
      if (rand() < (o.drop ?? 0.4)) return [];
      const alt = o.keep?.has(w) || !/^[a-z]+$/.test(w) ? undefined : synonyms.get(w);
      return [alt && rand() < (o.swap ?? 1) ? alt[Math.floor(rand() * alt.length)]! : w];
    });
    return [{ query: changed.join(' '), target }];
  });
  return { passages, queries };
}

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function every<T>(rows: T[], n: number): T[] {
  const step = Math.max(1, Math.floor(rows.length / n));
  return rows.filter((_, i) => i % step === 0).slice(0, n);
}

export async function retrievalScore(embedder: Embedder, set: string, pairs: Pair[]): Promise<RetrievalScore> {
  return rankScore(embedder, set, {
    passages: pairs.map((p) => p.passage),
    queries: pairs.map((p, target) => ({ query: p.query, target })),
  });
}

/** A retrieval task: each query has one relevant passage, `passages[target]`, among all of them. */
export interface RankingSet {
  passages: string[];
  queries: { query: string; target: number }[];
}

export async function rankScore(embedder: Embedder, set: string, task: RankingSet): Promise<RetrievalScore> {
  const passages = await embedder.embedPassages(task.passages);
  let r1 = 0;
  let r10 = 0;
  let rr = 0;
  for (const { query, target } of task.queries) {
    const q = await embedder.embedQuery(query);
    const own = dotp(q, passages[target]!);
    const rank = 1 + passages.reduce((n, v, j) => (j !== target && dotp(q, v) > own ? n + 1 : n), 0);
    if (rank === 1) r1++;
    if (rank <= 10) r10++;
    rr += 1 / rank;
  }
  const n = task.queries.length;
  const f = (x: number) => Number((x / n).toFixed(3));
  return { set, pairs: n, recallAt1: f(r1), recallAt10: f(r10), mrr: f(rr) };
}

function dotp(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}
