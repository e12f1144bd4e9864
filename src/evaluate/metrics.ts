import type { Answer, Citation } from '../domain.js';
import { foldCharacters } from '../text/fold.js';

/** What one system did with one question: the only per-question record the summaries need. */
export interface EvalRow {
  id: string;
  style?: string;
  kind?: string;
  expectAbstain: boolean;
  abstained: boolean;
  /** 1-based rank of the first correct citation judged on its quote, null when none. */
  rank: number | null;
  /** The same judged on the cited passage's full text. */
  passageRank: number | null;
  ms: number;
}

export interface LevelScores {
  hitAt1: number;
  hitAt3: number;
  mrr: number;
}

export interface Summary {
  questions: number;
  abstainQuestions: number;
  /** Null when the group has no answerable question. */
  quote: LevelScores | null;
  passage: LevelScores | null;
  /** Null for a system that never abstains (the baseline). Each figure is null when its denominator is empty. */
  abstention: { precision: number | null; recall: number | null; nearMissRecall: number | null } | null;
  falseRefusals: { count: number; share: number | null };
  latencyMs: { median: number; p95: number };
}

const fold = (s: string) => foldCharacters(s).replace(/\s+/g, ' ');
const basename = (file: string) => file.split(/[\\/]/).pop() ?? file;

/**
 * The dev sets name gold articles by the 3-character prefix of their file names ("003"); other sets name
 * them by the whole base name, matched exactly so "bbc-business-001" is not "bbc-business-0012".
 */
export function isGoldFile(file: string, gold: string[]): boolean {
  const name = basename(file);
  const stem = name.replace(/\.[^.]*$/, '');
  return gold.some((g) => (g.length === 3 ? name.startsWith(g) : stem === g));
}

/**
 * Rank of the first citation that cites a gold file (or a saved copy of one) and whose text, by default
 * its quote, contains a required phrase.
 */
export function correctRank(
  answer: Answer,
  gold: string[],
  mustContain: string[],
  textOf: (citation: Citation) => string = (c) => c.quote,
): number | null {
  if (answer.abstained) return null;
  const phrases = mustContain.map(fold);
  const hit = answer.citations.find(
    (c) => [c.file, ...c.alsoIn].some((f) => isGoldFile(f, gold)) && phrases.some((p) => fold(textOf(c)).includes(p)),
  );
  return hit ? hit.n : null;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const share = (part: number, whole: number) => (whole ? round(part / whole) : null);

function levelScores(ranks: (number | null)[]): LevelScores {
  const hitAt = (k: number) => round(ranks.filter((r) => r !== null && r <= k).length / ranks.length);
  return { hitAt1: hitAt(1), hitAt3: hitAt(3), mrr: round(ranks.reduce<number>((s, r) => s + (r ? 1 / r : 0), 0) / ranks.length) };
}

export function summarize(rows: EvalRow[], options: { abstains: boolean } = { abstains: true }): Summary {
  const answerable = rows.filter((r) => !r.expectAbstain);
  const shouldAbstain = rows.filter((r) => r.expectAbstain);
  const nearMisses = shouldAbstain.filter((r) => r.kind === 'near-miss');
  const abstentions = rows.filter((r) => r.abstained);
  const refused = answerable.filter((r) => r.abstained).length;
  const ms = rows.map((r) => r.ms);
  return {
    questions: answerable.length,
    abstainQuestions: shouldAbstain.length,
    quote: answerable.length ? levelScores(answerable.map((r) => r.rank)) : null,
    passage: answerable.length ? levelScores(answerable.map((r) => r.passageRank)) : null,
    abstention: options.abstains
      ? {
          precision: share(abstentions.filter((r) => r.expectAbstain).length, abstentions.length),
          recall: share(shouldAbstain.filter((r) => r.abstained).length, shouldAbstain.length),
          nearMissRecall: share(nearMisses.filter((r) => r.abstained).length, nearMisses.length),
        }
      : null,
    falseRefusals: { count: refused, share: share(refused, answerable.length) },
    latencyMs: { median: round(percentile(ms, 50)), p95: round(percentile(ms, 95)) },
  };
}

/**
 * Rows by question style, abstain items by their kind ("abstain: near-miss"), in first-seen order.
 * Empty when the set has neither, as the dev sets do: no second table then.
 */
export function groupByStyle(rows: EvalRow[]): Map<string, EvalRow[]> {
  const groups = new Map<string, EvalRow[]>();
  if (!rows.some((r) => r.style || r.kind)) return groups;
  for (const row of rows) {
    const key = row.expectAbstain ? `abstain: ${row.kind ?? 'other'}` : (row.style ?? 'other');
    const group = groups.get(key) ?? [];
    group.push(row);
    groups.set(key, group);
  }
  return groups;
}
