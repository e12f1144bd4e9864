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

/** Passages holding any of the phrases (adjacent folded words each), best first, within the filters. */
export async function fullText(sql: Sql, phrases: string[][], filters: SearchFilters, limit: number, passageCount: number): Promise<PassageRow[]> {
  const texts = [...new Set(phrases.filter((p) => p.length > 0).map((p) => p.join(' ')))];
  if (texts.length === 0) return [];
  const params = new Params();
  const phraseTexts = params.add(texts);
  const total = params.add(passageCount);
  const conditions = filterConditions(filters, params);
  const { rows } = await sql.query<PassageRow>(
    `WITH phrase AS (
       SELECT q.query, (SELECT count(*) FROM passages p WHERE p.body_terms @@ q.query OR p.title_terms @@ q.query) AS hits
       FROM unnest(${phraseTexts}::text[]) AS t, LATERAL phraseto_tsquery('${TEXT_SEARCH_CONFIG}', t) AS q(query)
       WHERE numnode(q.query) > 0
     ), weighted AS (
       -- BM25's idf, floored as FTS5 floors it, so that a phrase in most passages still counts a little.
       SELECT query, greatest(ln((${total}::float8 - hits + 0.5) / (hits + 0.5)), 1e-6) AS idf FROM phrase
     ), wanted AS (SELECT coverage_any_of(query) AS query FROM weighted)
     SELECT ${PASSAGE_COLUMNS} FROM passages p JOIN documents d ON d.id = p.document_id
     WHERE (p.body_terms @@ (SELECT query FROM wanted) OR p.title_terms @@ (SELECT query FROM wanted))${conditions}
     ORDER BY (
       SELECT sum(w.idf * (ts_rank_cd(p.body_terms, w.query, ${LENGTH_NORMALISATION})
                           + ${TITLE_WEIGHT} * ts_rank_cd(p.title_terms, w.query, ${LENGTH_NORMALISATION})))
       FROM weighted w) DESC, p.id
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
     FROM unnest($1::text[]) AS w, LATERAL plainto_tsquery('${TEXT_SEARCH_CONFIG}', w) AS q(query)`,
    [[...new Set(words)]],
  );
  const counts = new Map(rows.map((r) => [r.word, r.passages]));
  return new Map(words.map((word) => [word, counts.get(word) ?? 0]));
}
