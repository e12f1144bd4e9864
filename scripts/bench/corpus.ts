import { existsSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeCorpusAsMarkdown } from '../../src/evaluate/corpus-files.js';

export const SHARED = path.resolve(import.meta.dirname, '../../../shared');
export const REUTERS_JSONL = path.join(SHARED, 'corpora/reuters-21578/reuters-21578.jsonl');

/** Reuters-21578 as one Markdown file per article, written once per machine into the temp folder. */
export async function reutersFolder(): Promise<string> {
  const dir = path.join(os.tmpdir(), 'coverage-bot-bench', 'reuters-md');
  if (!existsSync(dir) || readdirSync(dir).length < 19_000) await writeCorpusAsMarkdown(REUTERS_JSONL, dir);
  return dir;
}

export const BBC_JSONL = path.join(SHARED, 'corpora/bbc-news/bbc-news.jsonl');

/** BBC News (2,225 articles) as Markdown, written once per machine into the temp folder. */
export async function bbcFolder(): Promise<string> {
  const dir = path.join(os.tmpdir(), 'coverage-bot-bench', 'bbc-md');
  if (!existsSync(dir) || readdirSync(dir).length < 2_225) await writeCorpusAsMarkdown(BBC_JSONL, dir, Infinity, 'BBC News');
  return dir;
}

/** Every line of a JSON-lines file, parsed. */
export async function readJsonl<T>(file: string): Promise<T[]> {
  const { readFileSync } = await import('node:fs');
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as T);
}

/** Questions for latency runs: article titles of a corpus, lower-cased, a fixed slice so runs compare. */
export async function titleQuestions(count: number): Promise<string[]> {
  const records = await readJsonl<{ title: string }>(REUTERS_JSONL);
  return records.slice(5000, 5000 + count).map((r) => r.title.toLowerCase());
}

/**
 * The seed coverage's development questions (../shared/eval/dev-qa.json, answerable and not), as a team would
 * ask them; two neutral questions when the file is absent.
 */
export function devQuestions(): string[] {
  const file = path.join(SHARED, 'eval/dev-qa.json');
  if (!existsSync(file)) return ['What did the minister say about the budget?', 'What is the capital of Australia?'];
  const set = JSON.parse(readFileSync(file, 'utf8')) as { questions: { q: string }[]; abstain: { q: string }[] };
  return [...set.questions, ...set.abstain].map((x) => x.q);
}
