import type { ParsedQuery } from '../search/query.js';
import type { Candidate } from '../search/searcher.js';
import type { ArticleView } from './article-view.js';
import { articleFeatures, type PassageRanks, type SentenceCandidate } from './features.js';
import type { MatchQuery } from './matching.js';

/** How many retrieved articles have every sentence considered. */
export const ARTICLES_READ = 8;

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
  const order: string[] = [];
  for (const c of retrieved) {
    if (!order.includes(c.documentId)) order.push(c.documentId);
    if (order.length >= articles) break;
  }
  return order.flatMap((documentId, i) => articleFeatures(view(documentId), i + 1, query, match, (id) => ranks.get(id)));
}
