import type { SearchFilters, SearchMode } from '../domain.js';
import type { Embedder } from '../embed/embedder.js';
import { UserError } from '../errors.js';
import type { Db } from '../store/database.js';
import type { VectorIndex } from '../store/vectors.js';
import { IndexVocabulary } from '../store/vocabulary.js';
import { filterClause, hasFilters } from './filters.js';
import type { Expansion } from './expand.js';
import { ftsExpression, type ParsedQuery } from './query.js';

/** Reciprocal rank fusion constant (Cormack et al. 2009). */
export const RRF_K = 60;
/**
 * Weights of the lists in the fusion. The asker's words decide; the vector list and the WordNet list add
 * passages those words miss, at half weight, so a weak embedding model cannot crowd out exact matches.
 */
const VECTOR_WEIGHT = 0.5;
const EXPANSION_WEIGHT = 0.5;
/** Below this many allowed passages a filtered vector search is exact rather than approximate. */
const EXACT_SEARCH_LIMIT = 20_000;

interface PassageRow {
  passageId: number;
  documentId: string;
  groupId: number;
  start: number;
  end: number;
  text: string;
}

/** A retrieved passage with where each list ranked it. */
export interface Candidate extends PassageRow {
  /** 1-based ranks in each list, null when the list did not return the passage. */
  ftsRank: number | null;
  vectorRank: number | null;
  similarity: number | null;
  fused: number;
}

export interface SearchRequest {
  query: ParsedQuery;
  /** Other wordings of the question's words: a second full-text list, fused with the others. */
  expansions?: Expansion[];
  mode: SearchMode;
  filters: SearchFilters;
  /** How many candidates each list contributes. */
  depth: number;
}

const PASSAGE_COLUMNS = 'p.id AS passageId, p.document_id AS documentId, p.group_id AS groupId, p.start, p.end, p.text';

/** Hybrid retrieval over one open index: BM25 from FTS5 and cosine from HNSW, fused by RRF. */
export class Searcher {
  constructor(
    private readonly db: Db,
    private readonly vectors: VectorIndex | null,
    private readonly embedder: Embedder | null,
  ) {
    this.vocabulary = new IndexVocabulary(db);
  }

  private readonly vocabulary: IndexVocabulary;

  get hasVectors(): boolean {
    return this.vectors !== null && this.embedder !== null;
  }

  async search(request: SearchRequest): Promise<Candidate[]> {
    const mode = request.mode === 'hybrid' && !this.hasVectors ? 'fulltext' : request.mode;
    if (mode === 'vector' && !this.hasVectors) {
      throw new UserError('This index has no vectors (it was built without an embedding model): use --mode fulltext or hybrid.');
    }
    const fts = mode === 'vector' ? [] : this.fullText(request, ftsExpression(request.query));
    const expanded = mode === 'vector' || !request.expansions?.length ? [] : this.fullText(request, expansionExpression(request.expansions));
    const vec = mode === 'fulltext' ? [] : await this.vectorSearch(request);
    return fuse(fts, vec, expanded);
  }

  private fullText({ filters, depth }: SearchRequest, expression: string | null): PassageRow[] {
    if (!expression) return [];
    const where = filterClause(filters);
    return this.db
      .prepare(
        `SELECT ${PASSAGE_COLUMNS} FROM passages_fts f JOIN passages p ON p.id = f.rowid JOIN documents d ON d.id = p.document_id
         WHERE passages_fts MATCH ?${where.sql} ORDER BY bm25(passages_fts, 1.0, 0.5) LIMIT ?`,
      )
      .all(expression, ...where.params, depth) as PassageRow[];
  }

  private async vectorSearch({ query, filters, depth }: SearchRequest): Promise<(PassageRow & { similarity: number })[]> {
    const vector = await this.embedder!.embedQuery(query.text);
    let hits;
    if (hasFilters(filters)) {
      const where = filterClause(filters);
      const allowed = (
        this.db.prepare(`SELECT p.id FROM passages p JOIN documents d ON d.id = p.document_id WHERE 1${where.sql}`).all(...where.params) as {
          id: number;
        }[]
      ).map((r) => r.id);
      const set = new Set(allowed);
      hits = allowed.length <= EXACT_SEARCH_LIMIT
        ? this.vectors!.exactSearch(vector, depth, allowed)
        : this.vectors!.search(vector, depth, (label) => set.has(label));
    } else {
      hits = this.vectors!.search(vector, depth);
    }
    const byId = this.db.prepare(`SELECT ${PASSAGE_COLUMNS} FROM passages p WHERE p.id = ?`);
    // A label whose passage is gone (deleted after the vector file was written) is skipped.
    return hits.flatMap((h) => {
      const row = byId.get(h.label) as PassageRow | undefined;
      return row ? [{ ...row, similarity: h.similarity }] : [];
    });
  }

  /** Inverse document frequency of a folded word over passages (0 when every passage has it). */
  idf(word: string): number {
    const total = this.passageCount();
    const df = this.vocabulary.passagesWith(word);
    return Math.log(1 + (total - df + 0.5) / (df + 0.5));
  }

  /** The IDF of a word no passage has: the top of the scale. */
  maxIdf(): number {
    const total = this.passageCount();
    return Math.log(1 + (total + 0.5) / 0.5);
  }

  /** Whether any passage holds the word (expansions are kept only when they can match). */
  inIndex = (word: string): boolean => this.vocabulary.has(word);

  private passageCountCache: number | null = null;
  passageCount(): number {
    this.passageCountCache ??= (this.db.prepare('SELECT count(*) AS n FROM passages').get() as { n: number }).n;
    return this.passageCountCache;
  }
}

/** Passages that say the question in other words: each expansion as a phrase. */
function expansionExpression(expansions: Expansion[]): string {
  return [...new Set(expansions.map((e) => `"${e.words.join(' ')}"`))].join(' OR ');
}

/** Weighted reciprocal rank fusion of the full-text, vector and expansion lists. */
function fuse(fts: PassageRow[], vec: (PassageRow & { similarity: number })[], expanded: PassageRow[]): Candidate[] {
  const byId = new Map<number, Candidate>();
  const entry = (row: PassageRow) => {
    let c = byId.get(row.passageId);
    if (!c) {
      c = { ...row, ftsRank: null, vectorRank: null, similarity: null, fused: 0 };
      byId.set(row.passageId, c);
    }
    return c;
  };
  fts.forEach((row, i) => {
    const c = entry(row);
    c.ftsRank = i + 1;
    c.fused += 1 / (RRF_K + i + 1);
  });
  vec.forEach((row, i) => {
    const c = entry(row);
    c.vectorRank = i + 1;
    c.similarity = row.similarity;
    c.fused += VECTOR_WEIGHT / (RRF_K + i + 1);
  });
  expanded.forEach((row, i) => {
    entry(row).fused += EXPANSION_WEIGHT / (RRF_K + i + 1);
  });
  return [...byId.values()].sort((a, b) => b.fused - a.fused);
}
