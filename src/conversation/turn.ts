import type { Answer } from '../domain.js';

/**
 * One question and answer of a conversation (a Discord thread or a CLI `--session`). Only what later
 * follow-ups resolve against is kept: the words of the question and of the cited quotes (their people,
 * places and organisations) and the cited articles' dates (the time span "then" refers to).
 */
export interface Turn {
  /** What the asker typed. */
  asked: string;
  /** What was searched: `asked` resolved against the turns before it (the same text when it needed nothing). */
  question: string;
  /** The answer's cited quotes, verbatim; empty when the coverage did not answer. */
  quotes: string[];
  /** Publication dates (yyyy-mm-dd) of the cited articles. */
  dates: string[];
}

/** How many turns a follow-up is resolved against, and how many a session keeps. */
export const TURNS_KEPT = 5;

/** Enough of the answer to find antecedents in, without storing whole articles per turn. */
const QUOTES_KEPT = 5;
const QUOTE_CHARS = 600;

export function turnOf(asked: string, answer: Answer): Turn {
  const cited = answer.abstained ? [] : answer.citations.slice(0, QUOTES_KEPT);
  return {
    asked,
    question: answer.question,
    quotes: cited.map((c) => c.quote.slice(0, QUOTE_CHARS)),
    dates: [...new Set(cited.map((c) => c.published).filter((d): d is string => !!d))].sort(),
  };
}
