import path from 'node:path';
import type { Article } from '../domain.js';
import type { Db } from '../store/database.js';
import { containment } from './fingerprint.js';

/** Share of sentences two copies must share to count as one article saved twice. */
const SAME_ARTICLE = 0.8;

/**
 * The indexed documents this article is a saved copy of, by id. A document's fingerprints are those of all
 * its copies, and a copy that matches several documents joins them: which files end up together then does
 * not depend on the order they were indexed in (A~B and B~C make one document whether or not B came last).
 */
export function findDuplicatesOf(db: Db, fingerprints: string[]): string[] {
  if (fingerprints.length === 0) return [];
  const counts = new Map<string, number>();
  const lookup = db.prepare('SELECT DISTINCT document_id AS id FROM fingerprints WHERE hash = ?');
  for (const hash of fingerprints) {
    for (const row of lookup.all(hash) as { id: string }[]) counts.set(row.id, (counts.get(row.id) ?? 0) + 1);
  }
  const total = db.prepare('SELECT count(DISTINCT hash) AS n FROM fingerprints WHERE document_id = ?');
  const matches: string[] = [];
  for (const [id, shared] of counts) {
    const theirs = (total.get(id) as { n: number }).n;
    const score = shared / Math.min(fingerprints.length, theirs);
    if (shared >= Math.min(2, fingerprints.length) && score >= SAME_ARTICLE) matches.push(id);
  }
  return matches.sort();
}

/** Records a copy's fingerprints under its document, so later copies are matched against every copy. */
export function addFingerprints(db: Db, documentId: string, fingerprints: Iterable<string>): void {
  const add = db.prepare('INSERT INTO fingerprints (hash, document_id) SELECT @hash, @id WHERE NOT EXISTS (SELECT 1 FROM fingerprints WHERE hash = @hash AND document_id = @id)');
  for (const hash of fingerprints) add.run({ hash, id: documentId });
}

export function documentFingerprints(db: Db, documentId: string): string[] {
  return (db.prepare('SELECT DISTINCT hash FROM fingerprints WHERE document_id = ?').all(documentId) as { hash: string }[]).map((r) => r.hash);
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
