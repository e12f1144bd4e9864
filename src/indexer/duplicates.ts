import type { Article } from '../domain.js';
import type { Db } from '../store/database.js';
import { containment } from './fingerprint.js';

/** Share of sentences two copies must share to count as one article saved twice. */
const SAME_ARTICLE = 0.8;

/** The indexed document this article is a saved copy of, if any. */
export function findDuplicateOf(db: Db, fingerprints: string[]): string | null {
  if (fingerprints.length === 0) return null;
  const counts = new Map<string, number>();
  const lookup = db.prepare('SELECT document_id AS id FROM fingerprints WHERE hash = ?');
  for (const hash of fingerprints) {
    for (const row of lookup.all(hash) as { id: string }[]) counts.set(row.id, (counts.get(row.id) ?? 0) + 1);
  }
  const total = db.prepare('SELECT count(*) AS n FROM fingerprints WHERE document_id = ?');
  let best: { id: string; score: number } | null = null;
  for (const [id, shared] of counts) {
    const theirs = (total.get(id) as { n: number }).n;
    const score = shared / Math.min(fingerprints.length, theirs);
    if (shared >= Math.min(2, fingerprints.length) && score >= SAME_ARTICLE && (!best || score > best.score)) best = { id, score };
  }
  return best?.id ?? null;
}

/** How much a copy tells about its article: the copy that tells more becomes the primary. */
export function richness(meta: Pick<Article, 'title' | 'outlet' | 'authors' | 'published' | 'url'>): number {
  return [meta.title, meta.outlet, meta.authors.length ? 'a' : null, meta.published, meta.url].filter(Boolean).length;
}

/** The primary's metadata, with gaps filled from the other copy. */
export function mergeMetadata(primary: Article, other: Article): Article {
  return {
    ...primary,
    title: primary.title ?? other.title,
    outlet: primary.outlet ?? other.outlet,
    authors: primary.authors.length ? primary.authors : other.authors,
    published: primary.published ?? other.published,
    language: primary.language ?? other.language,
    url: primary.url ?? other.url,
  };
}

// re-exported for tests of the threshold
export { containment };
