import type { QuoteLookup, QuoteMatch, SourceSummary } from '../domain.js';
import { UserError } from '../errors.js';
import { foldCharacters } from '../text/fold.js';
import { MAX_QUESTION_LENGTH, parseQuery } from '../search/query.js';
import type { Candidate, Searcher } from '../search/searcher.js';
import { contentWords, lightStem, stemSet } from '../text/terms.js';
import { splitSentences } from '../text/sentences.js';
import { citationLine } from './citation-line.js';

/** Share of a quote's words a sentence window must hold to count as another wording of it. */
const VARIANT_MIN_OVERLAP = 0.45;

/** Case, curly vs straight quotes, dashes and white space do not matter when matching a quote. */
export function normalizeForMatch(text: string): string {
  return foldCharacters(text)
    .replace(/[–—‒]/g, '-')
    .replace(/…/g, '...')
    .replace(/\s+/g, ' ')
    .trim();
}

function trimQuoteMarks(text: string): string {
  return text.trim().replace(/^["'“”‘’«»]+|["'“”‘’«»]+$/g, '').trim();
}

/** Best share of the quote's words found in any window of one to three consecutive sentences. */
function variantOverlap(quoteStems: string[], passage: string): number {
  const sentences = splitSentences(passage).map((s) => stemSet(passage.slice(s.start, s.end)));
  let best = 0;
  for (let i = 0; i < sentences.length; i++) {
    const window = new Set<string>();
    for (let j = i; j < Math.min(i + 3, sentences.length); j++) {
      for (const s of sentences[j]!) window.add(s);
      best = Math.max(best, quoteStems.filter((s) => window.has(s)).length / quoteStems.length);
    }
  }
  return best;
}

export async function lookupQuote(
  searcher: Searcher,
  sources: (documentIds: string[]) => Promise<Map<string, SourceSummary>>,
  quote: string,
  limit = 5,
): Promise<QuoteLookup> {
  const cleaned = trimQuoteMarks(quote);
  if (cleaned.length < 3) throw new UserError('The quote is empty or too short to look up.');
  // Checked here so the message says "quote": parseQuery's own limit speaks of a question.
  if (cleaned.length > MAX_QUESTION_LENGTH) {
    throw new UserError(`The quote is ${cleaned.length} characters long; the limit is ${MAX_QUESTION_LENGTH}.`);
  }
  const query = parseQuery(cleaned);
  const candidates = await searcher.search({ query, mode: 'hybrid', filters: {}, depth: 100 });
  const needle = normalizeForMatch(cleaned);
  const quoteStems = [...new Set(contentWords(cleaned).map(lightStem))];

  // The best passage of each document first, then the documents' sources, fetched once for all of them.
  const byDocument = new Map<string, { candidate: Candidate; exact: boolean; score: number }>();
  const consider = (candidate: Candidate, exact: boolean, score: number) => {
    const previous = byDocument.get(candidate.documentId);
    if (previous && (previous.exact || !exact) && previous.score >= score) return;
    byDocument.set(candidate.documentId, { candidate, exact, score: Math.round(score * 1000) / 1000 });
  };
  for (const c of candidates) {
    if (normalizeForMatch(c.text).includes(needle)) consider(c, true, 1);
    // One content word is found in too many unrelated passages to call any of them another wording.
    else if (quoteStems.length >= 2) {
      // The score is the share of the quote's words found, so a vector similarity cannot make a loose match look close.
      const overlap = variantOverlap(quoteStems, c.text);
      if (overlap >= VARIANT_MIN_OVERLAP) consider(c, false, overlap);
    }
  }
  const summaries = await sources([...byDocument.keys()]);
  const found = [...byDocument.values()].map(({ candidate: c, exact, score }) => toMatch(c, summaries.get(c.documentId)!, exact, score));
  const matches = found.sort((a, b) => Number(b.exact) - Number(a.exact) || b.score - a.score);
  return { quote: cleaned, matches: matches.slice(0, limit) };
}

function toMatch(c: Candidate, s: SourceSummary, exact: boolean, score: number): QuoteMatch {
  return {
    documentId: s.id,
    passageId: c.passageId,
    file: s.file,
    title: s.title,
    outlet: s.outlet,
    author: s.author,
    published: s.published,
    url: s.url,
    passage: c.text,
    exact,
    score,
    citation: citationLine(s),
  };
}
