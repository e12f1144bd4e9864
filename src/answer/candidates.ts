import type { ParsedQuery } from '../search/query.js';
import type { Candidate } from '../search/searcher.js';
import type { ArticleView } from './article-view.js';
import { articleFeatures, type PassageRanks, type SentenceCandidate } from './features.js';
import type { MatchQuery } from './matching.js';

/** How many retrieved articles have every sentence considered. */
export const ARTICLES_READ = 8;
/** How many of the full-text list's best articles are always read, whatever the fusion made of them. */
const FULL_TEXT_ARTICLES = 6;

/**
 * Every sentence of the best-retrieved articles, with its features: the answer is often a sentence of the
 * right article that the passage search itself did not rank first ("how many" answered three sentences on).
 * Articles are ranked by their best passage.
 */
export function sentenceCandidates(
  query: ParsedQuery,
  match: MatchQuery,
  retrieved: Candidate[],
  view: (documentId: string) => ArticleView,
  articles = ARTICLES_READ,
): SentenceCandidate[] {
  const ranks = new Map<number, PassageRanks>(retrieved.map((c) => [c.passageId, { ftsRank: c.ftsRank, similarity: c.similarity }]));
  const order = articlesToRead(retrieved, articles);
  return order.flatMap((documentId, i) => articleFeatures(view(documentId), i + 1, query, match, (id) => ranks.get(id)));
}

/** The articles whose every sentence is considered, best first: the only ones `view` is asked for. */
export function articlesToRead(retrieved: Candidate[], articles = ARTICLES_READ): string[] {
  // Another list may add articles but never push out the best ones of the asker's own words.
  const byWords = retrieved.filter((c) => c.ftsRank !== null).sort((a, b) => a.ftsRank! - b.ftsRank!);
  return [...new Set([...firstArticles(retrieved, articles), ...firstArticles(byWords, FULL_TEXT_ARTICLES)])];
}

/** The articles of the first passages of a list, in order, up to `n` of them. */
function firstArticles(list: Candidate[], n: number): string[] {
  const ids: string[] = [];
  for (const c of list) {
    if (!ids.includes(c.documentId)) ids.push(c.documentId);
    if (ids.length >= n) break;
  }
  return ids;
}
