import type { Article, Passage, PassageSpan, SourceSummary } from '../../domain.js';
import { foldedWords, foldForIndex } from '../../text/fold.js';
import { hammingDistance, simhashBands, simhashOfWords } from '../../text/fingerprint.js';
import type { Db } from './database.js';
import type { FileRecord } from '../index-store.js';
import { toSummary, type SummaryRow } from '../summary-row.js';

const SUMMARY_SELECT = `
  SELECT d.id, d.file, d.title, d.outlet, d.authors, d.published, d.language, d.url,
    (SELECT count(*) FROM passages p WHERE p.document_id = d.id) AS passages,
    (SELECT json_group_array(f.file) FROM files f WHERE f.document_id = d.id AND f.file <> d.file) AS aliases
  FROM documents d`;

/** SQLite hands the aliases over as a JSON array. */
type StoredSummaryRow = Omit<SummaryRow, 'aliases'> & { aliases: string | null };

function summaryOf(row: StoredSummaryRow): SourceSummary {
  return toSummary({ ...row, aliases: row.aliases ? (JSON.parse(row.aliases) as string[]) : [] });
}

export function insertDocument(db: Db, id: string, article: Article, spans: PassageSpan[], fingerprints: string[]): Passage[] {
  db.prepare(
    `INSERT INTO documents (id, file, title, outlet, authors, published, language, url, text, indexed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, article.file, article.title, article.outlet, JSON.stringify(article.authors), article.published,
    article.language, article.url, article.text, new Date().toISOString());
  const addFingerprint = db.prepare('INSERT INTO fingerprints (hash, document_id) VALUES (?, ?)');
  for (const hash of fingerprints) addFingerprint.run(hash, id);
  const addPassage = db.prepare(
    'INSERT INTO passages (document_id, ordinal, start, end, text, simhash, group_id) VALUES (?, ?, ?, ?, ?, ?, 0)',
  );
  const addFts = db.prepare('INSERT INTO passages_fts (rowid, body, title) VALUES (?, ?, ?)');
  const foldedTitle = foldForIndex(article.title ?? '');
  const assignGroup = groupAssigner(db, id);
  return spans.map((span) => {
    const words = foldedWords(span.text);
    const hash = simhashOfWords(words);
    const passageId = Number(addPassage.run(id, span.ordinal, span.start, span.end, span.text, hash.toString(16)).lastInsertRowid);
    addFts.run(passageId, words.join(' '), foldedTitle);
    assignGroup(passageId, hash);
    return { ...span, id: passageId, documentId: id };
  });
}

/**
 * Puts each passage of one document in the group of a near-identical passage of another article, or
 * starts its own group. The statements are prepared once per document: a long article has thousands of passages.
 */
function groupAssigner(db: Db, documentId: string): (passageId: number, hash: bigint) => void {
  const findCandidates = db.prepare(
    `SELECT DISTINCT p.id, p.simhash, p.group_id FROM simhash_bands b JOIN passages p ON p.id = b.passage_id
     WHERE b.band IN (?, ?, ?, ?) AND p.document_id <> ? ORDER BY p.id`,
  );
  const setGroup = db.prepare('UPDATE passages SET group_id = ? WHERE id = ?');
  const addBand = db.prepare('INSERT INTO simhash_bands (band, passage_id) VALUES (?, ?)');
  return (passageId, hash) => {
    const bands = simhashBands(hash);
    const candidates = findCandidates.all(...bands, documentId) as { id: number; simhash: string; group_id: number }[];
    const match = candidates.find((c) => hammingDistance(BigInt(`0x${c.simhash}`), hash) <= 3);
    setGroup.run(match ? match.group_id : passageId, passageId);
    for (const band of bands) addBand.run(band, passageId);
  };
}

/** Deletes a document with its passages, aliases and search rows; returns the passage ids it had. */
export function deleteDocument(db: Db, id: string): number[] {
  const ids = (db.prepare('SELECT id FROM passages WHERE document_id = ?').all(id) as { id: number }[]).map((r) => r.id);
  const removeFts = db.prepare('DELETE FROM passages_fts WHERE rowid = ?');
  for (const pid of ids) removeFts.run(pid);
  db.prepare('DELETE FROM documents WHERE id = ?').run(id);
  return ids;
}



export function allFiles(db: Db): FileRecord[] {
  return (
    db
      .prepare(
        `SELECT f.abs_path AS absPath, f.file, f.hash, f.document_id AS documentId, (d.file = f.file) AS isPrimary
         FROM files f JOIN documents d ON d.id = f.document_id`,
      )
      .all() as (Omit<FileRecord, 'isPrimary'> & { isPrimary: number })[]
  ).map((r) => ({ ...r, isPrimary: r.isPrimary === 1 }));
}

export function recordFile(db: Db, absPath: string, file: string, hash: string, documentId: string): void {
  db.prepare(
    `INSERT INTO files (abs_path, file, hash, document_id) VALUES (?, ?, ?, ?)
     ON CONFLICT(abs_path) DO UPDATE SET file = excluded.file, hash = excluded.hash, document_id = excluded.document_id`,
  ).run(absPath, file, hash, documentId);
}

export function forgetFile(db: Db, absPath: string): void {
  db.prepare('DELETE FROM files WHERE abs_path = ?').run(absPath);
}

export function listSummaries(db: Db, where = '', params: unknown[] = []): SourceSummary[] {
  const rows = db
    .prepare(`${SUMMARY_SELECT} ${where} ORDER BY d.published IS NULL, d.published DESC, d.title COLLATE NOCASE`)
    .all(...params) as StoredSummaryRow[];
  return rows.map(summaryOf);
}

export function getSummary(db: Db, id: string): SourceSummary | null {
  const row = db.prepare(`${SUMMARY_SELECT} WHERE d.id = ?`).get(id) as StoredSummaryRow | undefined;
  return row ? summaryOf(row) : null;
}

export function getPassage(db: Db, id: number): Passage | null {
  const row = db
    .prepare('SELECT id, document_id AS documentId, ordinal, start, end, text FROM passages WHERE id = ?')
    .get(id) as Passage | undefined;
  return row ?? null;
}

/** An article's passages in order, each with its near-duplicate group. */
export function documentPassages(db: Db, documentId: string): (Passage & { groupId: number })[] {
  return db
    .prepare('SELECT id, document_id AS documentId, ordinal, start, end, text, group_id AS groupId FROM passages WHERE document_id = ? ORDER BY ordinal')
    .all(documentId) as (Passage & { groupId: number })[];
}
