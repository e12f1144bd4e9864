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

function every<T>(rows: T[], n: number): T[] {
  const step = Math.max(1, Math.floor(rows.length / n));
  return rows.filter((_, i) => i % step === 0).slice(0, n);
}

export async function retrievalScore(embedder: Embedder, set: string, pairs: Pair[]): Promise<RetrievalScore> {
  const passages = await embedder.embedPassages(pairs.map((p) => p.passage));
  let r1 = 0;
  let r10 = 0;
  let rr = 0;
  for (const [i, p] of pairs.entries()) {
    const q = await embedder.embedQuery(p.query);
    const own = dotp(q, passages[i]!);
    const rank = 1 + passages.reduce((n, v, j) => (j !== i && dotp(q, v) > own ? n + 1 : n), 0);
    if (rank === 1) r1++;
    if (rank <= 10) r10++;
    rr += 1 / rank;
  }
  const n = pairs.length;
  const f = (x: number) => Number((x / n).toFixed(3));
  return { set, pairs: n, recallAt1: f(r1), recallAt10: f(r10), mrr: f(rr) };
}

function dotp(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}
