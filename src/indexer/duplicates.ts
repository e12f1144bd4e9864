import path from 'node:path';
import type { Article } from '../domain.js';
import type { IndexWriter } from '../store/index-store.js';
import { containment } from '../text/fingerprint.js';

/** Share of sentences two copies must share to count as one article saved twice. */
const SAME_ARTICLE = 0.8;

/**
 * The indexed documents this article is a saved copy of, by id. A document's fingerprints are those of all
 * its copies, and a copy that matches several documents joins them: which files end up together then does
 * not depend on the order they were indexed in (A~B and B~C make one document whether or not B came last).
 */
export async function findDuplicatesOf(index: IndexWriter, fingerprints: string[]): Promise<string[]> {
  if (fingerprints.length === 0) return [];
  return (await index.fingerprintMatches(fingerprints))
    .filter(({ shared, total }) => shared >= Math.min(2, fingerprints.length) && shared / Math.min(fingerprints.length, total) >= SAME_ARTICLE)
    .map((m) => m.documentId)
    .sort();
}

/** How much a copy tells about its article: the copy that tells more becomes the primary. */
export function richness(meta: Pick<Article, 'title' | 'outlet' | 'authors' | 'published' | 'url'>): number {
  return [meta.title, meta.outlet, meta.authors.length ? 'a' : null, meta.published, meta.url].filter(Boolean).length;
}

/**
 * Whether copy `a` should be the primary rather than `b`: the richer one, and of equally rich copies the one
 * whose file name sorts first (then its path), so the choice is the same whichever was indexed first. The name
 * comes before the folder so that where a copy is kept (a coverage folder, files added from Discord) does not decide.
 */
export function outranks(a: { richness: number; absPath: string }, b: { richness: number; absPath: string }): boolean {
  if (a.richness !== b.richness) return a.richness > b.richness;
  const [nameA, nameB] = [path.basename(a.absPath), path.basename(b.absPath)];
  return nameA !== nameB ? nameA < nameB : a.absPath < b.absPath;
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
