import type { Answer } from '../domain.js';
import { foldCharacters } from '../search/fold.js';

export interface QaSet {
  questions: { id: string; q: string; gold: string[]; must_contain: string[] }[];
  abstain: { id: string; q: string }[];
}

export interface EvalRow {
  id: string;
  /** 1-based rank of the first correct citation, null when none. */
  rank: number | null;
  abstained: boolean;
  expectAbstain: boolean;
  ms: number;
}

const fold = (s: string) => foldCharacters(s).replace(/\s+/g, ' ');
const basename = (file: string) => file.split(/[\\/]/).pop() ?? file;

/** Rank of the first citation that cites a gold file (or a saved copy of one) and quotes a required phrase. */
export function correctRank(answer: Answer, gold: string[], mustContain: string[]): number | null {
  if (answer.abstained) return null;
  const phrases = mustContain.map(fold);
  const hit = answer.citations.find((c) => {
    const files = [c.file, ...c.alsoIn].map(basename);
    return files.some((f) => gold.some((g) => f.startsWith(g))) && phrases.some((p) => fold(c.quote).includes(p));
  });
  return hit ? hit.n : null;
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function summarize(rows: EvalRow[]) {
  const answerable = rows.filter((r) => !r.expectAbstain);
  const hitAt = (k: number) => answerable.filter((r) => r.rank !== null && r.rank <= k).length / Math.max(answerable.length, 1);
  const abstentions = rows.filter((r) => r.abstained);
  const shouldAbstain = rows.filter((r) => r.expectAbstain);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    questions: answerable.length,
    abstainQuestions: shouldAbstain.length,
    hitAt1: round(hitAt(1)),
    hitAt3: round(hitAt(3)),
    hitAt5: round(hitAt(5)),
    mrr: round(answerable.reduce((s, r) => s + (r.rank ? 1 / r.rank : 0), 0) / Math.max(answerable.length, 1)),
    abstentionPrecision: abstentions.length ? round(abstentions.filter((r) => r.expectAbstain).length / abstentions.length) : null,
    abstentionRecall: shouldAbstain.length ? round(shouldAbstain.filter((r) => r.abstained).length / shouldAbstain.length) : null,
    latencyMs: { median: round(percentile(rows.map((r) => r.ms), 50)), p95: round(percentile(rows.map((r) => r.ms), 95)) },
  };
}
