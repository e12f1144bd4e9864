/** Documents and their passages: storing one (with near-duplicate groups) and listing them as the sources show them. */
import type { Article, Passage, PassageSpan, SourceSummary } from '../../domain.js';
import { foldedWords, foldForIndex } from '../../text/fold.js';
import { hammingDistance, simhashBands, simhashOfWords } from '../../text/fingerprint.js';
import { TEXT_SEARCH_CONFIG, type Sql } from './sql.js';
import { toSummary, type SummaryRow } from '../summary-row.js';

/** Near-identical passages: at most this many of the 64 simhash bits differ (as in the SQLite back end). */
const NEAR_DUPLICATE_BITS = 3;

// C collation: the order must not depend on the server's locale (SQLite's NOCASE is bytewise on lower case).
const SUMMARY_SELECT = `
  SELECT d.id, d.file, d.title, d.outlet, d.authors, d.published, d.language, d.url,
    (SELECT count(*) FROM passages p WHERE p.document_id = d.id)::int AS passages,
    (SELECT array_agg(f.file) FROM files f WHERE f.document_id = d.id AND f.file <> d.file) AS aliases
  FROM documents d`;
const NEWEST_FIRST = 'ORDER BY d.published IS NULL, d.published DESC, lower(d.title) COLLATE "C" NULLS FIRST, d.id';

/** Postgres hands the aliases over as an array, or null when there are none. */
type StoredSummaryRow = Omit<SummaryRow, 'aliases'> & { aliases: string[] | null };

function summaryOf(row: StoredSummaryRow): SourceSummary {
  return toSummary({ ...row, aliases: row.aliases ?? [] });
}

/** Every document, newest first, undated last, then by title ignoring case. */
export async function listSummaries(sql: Sql): Promise<SourceSummary[]> {
  return (await sql.query<StoredSummaryRow>(`${SUMMARY_SELECT} ${NEWEST_FIRST}`)).rows.map(summaryOf);
}

export async function getSummary(sql: Sql, id: string): Promise<SourceSummary | null> {
  const row = (await sql.query<StoredSummaryRow>(`${SUMMARY_SELECT} WHERE d.id = $1`, [id])).rows[0];
  return row ? summaryOf(row) : null;
}

export async function insertDocument(sql: Sql, id: string, article: Article, spans: PassageSpan[], fingerprints: string[]): Promise<Passage[]> {
  await sql.query(
    `INSERT INTO documents (id, file, title, outlet, authors, published, language, url, text) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [id, article.file, article.title, article.outlet, JSON.stringify(article.authors), article.published, article.language, article.url, article.text],
  );
  await sql.query('INSERT INTO fingerprints (hash, document_id) SELECT unnest($1::text[]), $2', [fingerprints, id]);
  if (spans.length === 0) return [];

  const folded = spans.map((span) => foldedWords(span.text));
  const hashes = folded.map((words) => simhashOfWords(words));
  // Ids first, so that a passage that starts its own group can name itself in the same INSERT.
  const ids = (
    await sql.query<{ id: number }>(`SELECT nextval(pg_get_serial_sequence('passages', 'id'))::int AS id FROM generate_series(1, $1)`, [spans.length])
  ).rows.map((r) => r.id);
  const groups = await nearDuplicateGroups(sql, id, ids, hashes);

  await sql.query(
    `INSERT INTO passages (id, document_id, ordinal, span_start, span_end, text, simhash, group_id, body_terms, title_terms)
     SELECT p.id, $1, p.ordinal, p.span_start, p.span_end, p.text, p.simhash, p.group_id,
       to_tsvector('${TEXT_SEARCH_CONFIG}', p.folded), to_tsvector('${TEXT_SEARCH_CONFIG}', $2)
     FROM unnest($3::int[], $4::int[], $5::int[], $6::int[], $7::text[], $8::text[], $9::int[], $10::text[])
       AS p(id, ordinal, span_start, span_end, text, simhash, group_id, folded)`,
    [
      id,
      foldForIndex(article.title ?? ''),
      ids,
      spans.map((s) => s.ordinal),
      spans.map((s) => s.start),
      spans.map((s) => s.end),
      spans.map((s) => s.text),
      hashes.map((h) => h.toString(16)),
      groups,
      folded.map((words) => words.join(' ')),
    ],
  );
  const bands = hashes.flatMap((hash, i) => simhashBands(hash).map((band) => [band, ids[i]!] as const));
  await sql.query('INSERT INTO simhash_bands (band, passage_id) SELECT * FROM unnest($1::int[], $2::int[])', [
    bands.map(([band]) => band),
    bands.map(([, passageId]) => passageId),
  ]);
  return spans.map((span, i) => ({ ...span, id: ids[i]!, documentId: id }));
}

/**
 * Puts each new passage in the group of the first (lowest id) near-identical passage of another document
 * sharing a simhash band, or in its own group. Passages of the same document are never candidates, so one
 * lookup serves the whole document.
 */
async function nearDuplicateGroups(sql: Sql, documentId: string, ids: number[], hashes: bigint[]): Promise<number[]> {
  const bandsOf = hashes.map((hash) => simhashBands(hash));
  const { rows } = await sql.query<{ band: number; id: number; simhash: string; group_id: number }>(
    `SELECT DISTINCT b.band, p.id, p.simhash, p.group_id FROM simhash_bands b JOIN passages p ON p.id = b.passage_id
     WHERE b.band = ANY($1::int[]) AND p.document_id <> $2 ORDER BY p.id`,
    [[...new Set(bandsOf.flat())], documentId],
  );
  return hashes.map((hash, i) => {
    const bands = new Set(bandsOf[i]);
    const match = rows.find((c) => bands.has(c.band) && hammingDistance(BigInt(`0x${c.simhash}`), hash) <= NEAR_DUPLICATE_BITS);
    return match ? match.group_id : ids[i]!;
  });
}
