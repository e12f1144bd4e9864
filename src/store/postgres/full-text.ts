/**
 * Full-text search over the passages' tsvectors (folded body, folded title), ranked like SQLite's
 * bm25(passages_fts, 1.0, 0.5): each phrase's cover-density rank (ts_rank_cd, with length normalisation),
 * weighted by the phrase's inverse document frequency as BM25 weighs it, title matches counting half.
 */
import type { SearchFilters } from '../../domain.js';
import type { PassageRow } from '../index-store.js';
import { filterConditions, Params, PASSAGE_COLUMNS, TEXT_SEARCH_CONFIG, type Sql } from './sql.js';

/** ts_rank_cd normalisation 1: rank / (1 + log(length)), so that long passages do not win by length alone. */
const LENGTH_NORMALISATION = 1;
const TITLE_WEIGHT = 0.5;

/**
 * The tsquery of a phrase of folded words. A word ending in "*" (folded words never do) matches any stored
 * word it begins, as in FTS5: read unstemmed ('simple'), as FTS5 reads a prefix. Folded words are letters and
 * digits only, so they are safe in to_tsquery.
 */
function termQuery(column: string): string {
  return `CASE WHEN ${column} LIKE '%*' THEN to_tsquery('simple', rtrim(${column}, '*') || ':*')
          ELSE phraseto_tsquery('${TEXT_SEARCH_CONFIG}', ${column}) END`;
}
const TERM_QUERY = termQuery('t');

/** Passages holding any of the phrases (adjacent folded words each), best first, within the filters. */
export async function fullText(sql: Sql, phrases: string[][], filters: SearchFilters, limit: number, passageCount: number): Promise<PassageRow[]> {
  const texts = [...new Set(phrases.filter((p) => p.length > 0).map((p) => p.join(' ')))];
  if (texts.length === 0) return [];
  const params = new Params();
  const phraseTexts = params.add(texts);
  const total = params.add(passageCount);
  const conditions = filterConditions(filters, params);
  // Each phrase's matches are found once, ranked as they are found, and counted from the same rows: the
  // phrase's rarity needs the count over all passages, while the filters only decide which passages are shown.
  const { rows } = await sql.query<PassageRow>(
    `WITH phrase AS (
       SELECT row_number() OVER () AS i, q.query
       FROM unnest(${phraseTexts}::text[]) AS t, LATERAL (SELECT ${TERM_QUERY}) AS q(query)
       WHERE numnode(q.query) > 0
     ), matches AS MATERIALIZED (
       SELECT ph.i, m.id, m.rank FROM phrase ph CROSS JOIN LATERAL (
         SELECT p.id, ts_rank_cd(p.body_terms, ph.query, ${LENGTH_NORMALISATION})
                      + ${TITLE_WEIGHT} * ts_rank_cd(p.title_terms, ph.query, ${LENGTH_NORMALISATION}) AS rank
         FROM passages p WHERE p.body_terms @@ ph.query OR p.title_terms @@ ph.query) m
     ), weighted AS (
       -- BM25's idf, floored as FTS5 floors it, so that a phrase in most passages still counts a little.
       SELECT i, greatest(ln((${total}::float8 - count(*) + 0.5) / (count(*) + 0.5)), 1e-6) AS idf FROM matches GROUP BY i
     ), scored AS (
       SELECT m.id, sum(w.idf * m.rank) AS score FROM matches m JOIN weighted w USING (i) GROUP BY m.id
     )
     SELECT ${PASSAGE_COLUMNS} FROM scored s JOIN passages p ON p.id = s.id JOIN documents d ON d.id = p.document_id
     WHERE true${conditions}
     ORDER BY s.score DESC, p.id
     LIMIT ${params.add(limit)}`,
    params.values,
  );
  return rows;
}

/** How many passages hold each folded word (in the body or the title, as FTS5's vocabulary counts rows). */
export async function passagesWith(sql: Sql, words: string[]): Promise<Map<string, number>> {
  const { rows } = await sql.query<{ word: string; passages: number }>(
    `SELECT w AS word,
       CASE WHEN numnode(q.query) = 0 THEN 0
            ELSE (SELECT count(*) FROM passages p WHERE p.body_terms @@ q.query OR p.title_terms @@ q.query)::int END AS passages
     FROM unnest($1::text[]) AS w, LATERAL (SELECT ${termQuery('w')}) AS q(query)`,
    [[...new Set(words)]],
  );
  const counts = new Map(rows.map((r) => [r.word, r.passages]));
  return new Map(words.map((word) => [word, counts.get(word) ?? 0]));
}
