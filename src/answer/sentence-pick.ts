import type { AnswerCue, ParsedQuery } from '../search/query.js';
import type { Candidate } from '../search/searcher.js';
import { splitSentences, countWords } from '../split/sentences.js';
import { lightStem, stemSet } from '../search/terms.js';
import { foldedWords } from '../search/fold.js';
import { mentionsDate } from './dates-in-text.js';

export interface ScoredQuote {
  candidate: Candidate;
  /** Offsets in the article's cleaned text. */
  start: number;
  end: number;
  quote: string;
  /** Share of the question's IDF weight the passage (with its title) matches. */
  passageCoverage: number;
  /** Share of the question's IDF weight the quoted sentence matches. */
  sentenceCoverage: number;
  /** The sentence's own coverage plus its neighbours', phrase matches and answer-kind cue. */
  sentenceScore: number;
  cueMatched: boolean;
}

const ATTRIBUTION = /\b(?:reported|reports|according to|told|said in|cited|quoted|broadcast|interview)\b|\bsources?:/i;
const REPORTED_SPEECH = /\b(?:said|says|stated|told|added|noted|stressed|warned|announced|declared|insisted|argued|responded|replied|made it clear|expressed)\b/i;
/** A quote shorter than this takes its best neighbouring sentence along, so it reads on its own. */
const SHORT_QUOTE_WORDS = 10;

/** Question word pairs that stand side by side in the sentence. */
function phraseMatches(query: ParsedQuery, text: string): number {
  const words = foldedWords(text).map(lightStem);
  const pairs = new Set(words.slice(1).map((w, i) => `${words[i]} ${w}`));
  return query.bigrams.filter((b) => pairs.has(b)).length;
}

/** How well a sentence gives the kind of answer asked for: 1 fully, 0.5 partly (reported rather than quoted speech). */
function cueStrength(cues: Set<AnswerCue>, text: string): number {
  if (cues.has('date') && mentionsDate(text)) return 1;
  if (cues.has('source') && ATTRIBUTION.test(text)) return 1;
  if (cues.has('number') && /\d/.test(text)) return 1;
  if (cues.has('speech') && /["“”«»]/.test(text)) return 1;
  if (cues.has('speech') && REPORTED_SPEECH.test(text)) return 0.5;
  return 0;
}

/** Weighted share of the question's words present in a set of stems. */
function coverage(stems: Set<string>, query: ParsedQuery, weights: number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  if (total === 0) return 0;
  return query.stems.reduce((sum, stem, i) => sum + (stems.has(stem) ? weights[i]! : 0), 0) / total;
}

/** The sentence (or two) of a passage that best answers the question. */
/** `context` is what the article says about itself (title, outlet, author, date): evidence, but never quoted. */
export function pickQuote(candidate: Candidate, context: string, query: ParsedQuery, weights: number[]): ScoredQuote {
  const sentences = splitSentences(candidate.text).map((s) => {
    const text = candidate.text.slice(s.start, s.end);
    return { ...s, text, stems: stemSet(text) };
  });
  const passageStems = stemSet(`${context} ${candidate.text}`);
  const scored = sentences.map((s, i) => {
    const own = coverage(s.stems, query, weights);
    const around = Math.max(
      i > 0 ? coverage(sentences[i - 1]!.stems, query, weights) : 0,
      i + 1 < sentences.length ? coverage(sentences[i + 1]!.stems, query, weights) : 0,
    );
    const strength = cueStrength(query.cues, s.text);
    const phrase = Math.min(0.3, 0.15 * phraseMatches(query, s.text));
    return { i, own, score: own + 0.25 * around + 0.3 * strength + phrase, cue: strength > 0 };
  });
  const best = scored.reduce((a, b) => (b.score > a.score ? b : a), scored[0]!);
  let first = best.i;
  let last = best.i;
  // The topical sentence with its neighbour that holds what was asked for ("Source: …", a date, the quote).
  const cueNeighbour = [scored[best.i - 1], scored[best.i + 1]].find((n) => n && n.cue && !best.cue);
  if (cueNeighbour) {
    first = Math.min(best.i, cueNeighbour.i);
    last = Math.max(best.i, cueNeighbour.i);
  } else if (countWords(sentences[best.i]!.text) < SHORT_QUOTE_WORDS && sentences.length > 1) {
    const prev = scored[best.i - 1];
    const next = scored[best.i + 1];
    if (prev && (!next || prev.score >= next.score)) first = prev.i;
    else if (next) last = next.i;
  }
  const start = candidate.start + sentences[first]!.start;
  const end = candidate.start + sentences[last]!.end;
  return {
    candidate,
    start,
    end,
    quote: candidate.text.slice(sentences[first]!.start, sentences[last]!.end),
    passageCoverage: coverage(passageStems, query, weights),
    sentenceCoverage: best.own,
    sentenceScore: best.score,
    cueMatched: best.cue || cueNeighbour !== undefined,
  };
}
