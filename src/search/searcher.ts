import type { SearchFilters, SearchMode } from '../domain.js';
import type { Embedder } from '../embed/embedder.js';
import { UserError } from '../errors.js';
import type { IndexReader, PassageRow } from '../store/index-reader.js';
import type { VectorIndex } from '../store/vectors.js';
import { hasFilters } from './filters.js';
import type { Expansion } from './expand.js';
import { searchPhrases, type ParsedQuery } from './query.js';

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

/** Hybrid retrieval over one open index: BM25 from FTS5 and cosine from HNSW, fused by RRF. */
export class Searcher {
  constructor(
    private readonly index: IndexReader,
    private readonly vectors: VectorIndex | null,
    private readonly embedder: Embedder | null,
  ) {}

  get hasVectors(): boolean {
    return this.vectors !== null && this.embedder !== null;
  }

  async search(request: SearchRequest): Promise<Candidate[]> {
    const mode = request.mode === 'hybrid' && !this.hasVectors ? 'fulltext' : request.mode;
    if (mode === 'vector' && !this.hasVectors) {
      throw new UserError('This index has no vectors (it was built without an embedding model): use --mode fulltext or hybrid.');
    }
    const fts = mode === 'vector' ? [] : this.fullText(request, searchPhrases(request.query));
    const expanded = mode === 'vector' || !request.expansions?.length ? [] : this.fullText(request, expansionPhrases(request.expansions));
    const vec = mode === 'fulltext' ? [] : await this.vectorSearch(request);
    return fuse(fts, vec, expanded);
  }

  private fullText({ filters, depth }: SearchRequest, phrases: string[][]): PassageRow[] {
    return phrases.length ? this.index.fullText(phrases, filters, depth) : [];
  }

  private async vectorSearch({ query, filters, depth }: SearchRequest): Promise<(PassageRow & { similarity: number })[]> {
    const vector = await this.embedder!.embedQuery(query.text);
    let hits;
    if (hasFilters(filters)) {
      const allowed = this.index.passageIdsWithin(filters);
      const set = new Set(allowed);
      hits = allowed.length <= EXACT_SEARCH_LIMIT
        ? this.vectors!.exactSearch(vector, depth, allowed)
        : this.vectors!.search(vector, depth, (label) => set.has(label));
    } else {
      hits = this.vectors!.search(vector, depth);
    }
    // A label whose passage is gone (deleted after the vector file was written) is skipped.
    const similarity = new Map(hits.map((h) => [h.label, h.similarity]));
    return this.index.passageRows(hits.map((h) => h.label)).map((row) => ({ ...row, similarity: similarity.get(row.passageId)! }));
  }

  /** Inverse document frequency of a folded word over passages (0 when every passage has it). */
  idf(word: string): number {
    const total = this.passageCount();
    const df = this.index.passagesWith(word);
    return Math.log(1 + (total - df + 0.5) / (df + 0.5));
  }

  /** The IDF of a word no passage has: the top of the scale. */
  maxIdf(): number {
    const total = this.passageCount();
    return Math.log(1 + (total + 0.5) / 0.5);
  }

  /** Whether any passage holds the word (expansions are kept only when they can match). */
  inIndex = (word: string): boolean => this.index.passagesWith(word) > 0;

  passageCount(): number {
    return this.index.passageCount();
  }
}

/** Passages that say the question in other words: each expansion as a phrase. */
function expansionPhrases(expansions: Expansion[]): string[][] {
  return [...new Map(expansions.map((e) => [e.words.join(' '), e.words])).values()];
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
