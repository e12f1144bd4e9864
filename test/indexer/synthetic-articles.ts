import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../src/store/sqlite/database.js';
import { listSummaries } from '../../src/store/sqlite/documents.js';

const SYLLABLES = ['ka', 'lo', 'mi', 'ru', 'te', 'sa', 'no', 'vi', 'de', 'pu', 'ga', 'zo'];

/** A made-up word per number, so every synthetic sentence is distinct without real names or phrases. */
export function word(n: number): string {
  let s = '';
  do {
    s += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  } while (n > 0);
  return s;
}

/** Sentence `n`: eight distinct made-up words, long enough to be fingerprinted. */
export function sentence(n: number): string {
  const w = (k: number) => word(n * 8 + k + 1000);
  const first = w(0);
  return `${first[0]!.toUpperCase()}${first.slice(1)} ${w(1)} ${w(2)} the ${w(3)} ${w(4)} of ${w(5)} ${w(6)} ${w(7)}.`;
}

export interface Meta {
  title?: string;
  author?: string;
  date?: string;
  url?: string;
  outlet?: string;
}

export function markdown(meta: Meta, sentences: number[]): string {
  const front = Object.entries(meta).map(([k, v]) => `${k}: "${v}"`);
  const body = [];
  for (let i = 0; i < sentences.length; i += 2) body.push(sentences.slice(i, i + 2).map(sentence).join(' '));
  return `---\n${front.join('\n')}\n---\n\n${body.join('\n\n')}\n`;
}

export function writeArticle(dir: string, name: string, meta: Meta, sentences: number[]): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileSync(file, markdown(meta, sentences));
  return file;
}

/** Each document as "primary ← aliases" by file name, sorted: what two indexes must agree on. */
export function documentSets(indexDir: string): string[] {
  const db = openDatabase(indexDir, { readonly: true });
  try {
    return listSummaries(db)
      .map((s) => [path.basename(s.file), ...s.aliases.map((a) => path.basename(a)).sort()].join(' ← '))
      .sort();
  } finally {
    db.close();
  }
}
