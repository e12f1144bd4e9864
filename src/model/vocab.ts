import { readFileSync } from 'node:fs';
import { SPECIAL_TOKENS } from './tokenizer-files.js';

/**
 * The model's vocabulary: special tokens, then corpus words by falling frequency (ties by spelling, so the
 * order is deterministic), then the `fallback` WordPiece tokens a word outside the vocabulary is split into.
 */
export interface VocabOptions {
  counts: ReadonlyMap<string, number>;
  /** Kept however rare (the coverage's own words). */
  alwaysKeep?: ReadonlySet<string>;
  /** @default 3 */
  minCount?: number;
  /** Cap on corpus words (not counting `alwaysKeep` and fallback). @default 60000 */
  maxWords?: number;
  fallback?: readonly string[];
}

export function buildVocab(o: VocabOptions): string[] {
  const minCount = o.minCount ?? 3;
  const keep = o.alwaysKeep ?? new Set<string>();
  const ranked = [...o.counts.entries()]
    .filter(([w]) => !/\s/.test(w) && w.length <= 100)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const vocab: string[] = [...SPECIAL_TOKENS];
  const seen = new Set<string>(vocab);
  let words = 0;
  for (const [w, c] of ranked) {
    const frequent = c >= minCount && words < (o.maxWords ?? 60_000);
    if (!frequent && !keep.has(w)) continue;
    if (frequent) words++;
    vocab.push(w);
    seen.add(w);
  }
  for (const t of o.fallback ?? []) {
    if (seen.has(t) || /^\[.*\]$/.test(t) || /\s/.test(t)) continue;
    vocab.push(t);
    seen.add(t);
  }
  return vocab;
}

/** The tokens of a WordPiece tokenizer.json, in id order (e.g. the bert-base-uncased one in ../shared/models). */
export function wordPieceTokens(tokenizerJson: string): string[] {
  const t = JSON.parse(readFileSync(tokenizerJson, 'utf8')) as { model?: { type?: string; vocab?: Record<string, number> } };
  if (t.model?.type !== 'WordPiece' || !t.model.vocab) throw new Error(`${tokenizerJson} is not a WordPiece tokenizer`);
  return Object.entries(t.model.vocab)
    .sort((a, b) => a[1] - b[1])
    .map(([tok]) => tok);
}
