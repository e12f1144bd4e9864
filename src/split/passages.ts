import type { PassageSpan } from '../domain.js';
import { countWords, splitSentences, type SentenceSpan } from '../text/sentences.js';

/** Bumped whenever the chunking, or what a reader keeps of an article, changes: an index built by another version is rebuilt. */
export const CHUNKING_VERSION = 'sentences-v7';

export interface ChunkOptions {
  minWords: number;
  maxWords: number;
  /** Hard cap on a passage's length: long words (URLs, unspaced scripts) make words a poor measure. */
  maxChars: number;
}

export const DEFAULT_CHUNKING: ChunkOptions = { minWords: 40, maxWords: 200, maxChars: 2000 };

interface Unit extends SentenceSpan {
  words: number;
  endsParagraph: boolean;
  /** False while a quotation opened before this point is still open: never cut there. */
  quoteClosed: boolean;
}

/** Counts the change in open quotations across a span: curly pairs, and straight quotes by parity. */
function quoteDelta(text: string): { curly: number; straight: number } {
  let curly = 0;
  let straight = 0;
  for (const ch of text) {
    if (ch === '“' || ch === '«') curly++;
    else if (ch === '”' || ch === '»') curly--;
    else if (ch === '"') straight++;
  }
  return { curly, straight };
}

/**
 * A "sentence" over the passage size (a page without sentence breaks, a run-on list) is cut at word
 * boundaries, and a single word over `maxChars` at character boundaries, so that no passage can be
 * larger than the caps however the text is punctuated.
 */
function capSentence(text: string, span: SentenceSpan, options: ChunkOptions): SentenceSpan[] {
  const { maxWords, maxChars } = options;
  if (span.end - span.start <= maxChars && countWords(text.slice(span.start, span.end)) <= maxWords) return [span];
  const pieces: SentenceSpan[] = [];
  let piece: SentenceSpan | null = null;
  let words = 0;
  const word = /\S+/gu;
  word.lastIndex = span.start;
  for (let m = word.exec(text); m && m.index < span.end; m = word.exec(text)) {
    const wordEnd = Math.min(m.index + m[0].length, span.end);
    for (let start = m.index; start < wordEnd; ) {
      let end = Math.min(wordEnd, start + maxChars);
      // Never between the two halves of a surrogate pair: each piece must be valid text on its own.
      if (end < wordEnd && /[\uD800-\uDBFF]/u.test(text[end - 1]!)) end--;
      if (piece && (words + 1 > maxWords || end - piece.start > maxChars)) {
        pieces.push(piece);
        piece = null;
      }
      if (piece) {
        piece.end = end;
      } else {
        piece = { start, end };
        words = 0;
      }
      words++;
      start = end;
    }
  }
  if (piece) pieces.push(piece);
  return pieces;
}

function toUnits(text: string, options: ChunkOptions): Unit[] {
  const units: Unit[] = [];
  let curly = 0;
  let straight = 0;
  for (const paragraph of paragraphs(text)) {
    const sentences = splitSentences(text.slice(paragraph.start, paragraph.end), paragraph.start).flatMap((s) =>
      capSentence(text, s, options),
    );
    sentences.forEach((s, i) => {
      const delta = quoteDelta(text.slice(s.start, s.end));
      curly = Math.max(0, curly + delta.curly);
      straight = (straight + delta.straight) % 2;
      units.push({
        ...s,
        words: countWords(text.slice(s.start, s.end)),
        endsParagraph: i === sentences.length - 1,
        quoteClosed: curly === 0 && straight === 0,
      });
    });
  }
  return units;
}

function paragraphs(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  const re = /\n\s*\n/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    spans.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  spans.push({ start, end: text.length });
  return spans.filter((p) => text.slice(p.start, p.end).trim() !== '');
}

/**
 * Splits an article's cleaned text into passages of roughly minWords–maxWords words. Passages end at
 * sentence boundaries, prefer paragraph ends, and never end inside an open quotation (unless the quote
 * runs past twice the maximum, which means the quote marks are unbalanced, not a long quote).
 */
export function splitPassages(text: string, options: ChunkOptions = DEFAULT_CHUNKING): PassageSpan[] {
  const units = toUnits(text, options);
  const groups: Unit[][] = [];
  let current: Unit[] = [];
  let words = 0;
  for (const [i, unit] of units.entries()) {
    current.push(unit);
    words += unit.words;
    const next = units[i + 1];
    const canCut = unit.quoteClosed || words >= options.maxWords * 2;
    const wouldOverflow = next !== undefined && words + next.words > options.maxWords;
    const enough = words >= options.minWords;
    // The character cap holds even inside an open quotation.
    const mustCut = next !== undefined && next.end - current[0]!.start > options.maxChars;
    if (
      next === undefined ||
      mustCut ||
      (canCut && ((enough && unit.endsParagraph) || (wouldOverflow && (enough || unit.endsParagraph))))
    ) {
      groups.push(current);
      current = [];
      words = 0;
    }
  }
  mergeShortTail(groups, options);
  return groups.map((g, ordinal) => {
    const start = g[0]!.start;
    const end = g[g.length - 1]!.end;
    return { ordinal, start, end, text: text.slice(start, end) };
  });
}

/** A short last passage joins the one before it when the two together still fit. */
function mergeShortTail(groups: Unit[][], options: ChunkOptions): void {
  if (groups.length < 2) return;
  const last = groups[groups.length - 1]!;
  const prev = groups[groups.length - 2]!;
  const sum = (g: Unit[]) => g.reduce((n, u) => n + u.words, 0);
  const chars = last[last.length - 1]!.end - prev[0]!.start;
  if (sum(last) < options.minWords && sum(prev) + sum(last) <= options.maxWords * 1.2 && chars <= options.maxChars) {
    groups.splice(groups.length - 2, 2, [...prev, ...last]);
  }
}
