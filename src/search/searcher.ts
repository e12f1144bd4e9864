import { foldedWords } from '../text/fold.js';
import type { SearchFilters, SearchMode } from '../domain.js';
import type { Embedder } from '../embed/embedder.js';
import { UserError } from '../errors.js';
import type { IndexReader, PassageRow } from '../store/index-store.js';
import type { Expansion } from './expand.js';
import { searchPhrases, type ParsedQuery } from './query.js';
import { translatedTerms } from './own-words.js';
import { irregularForms } from '../text/terms.js';

/** Reciprocal rank fusion constant (Cormack et al. 2009). */
export const RRF_K = 60;
/**
 * Weights of the lists in the fusion. The asker's words decide; the vector list and the list of other wordings
 * (WordNet's, and the words' Russian and Ukrainian translations for coverage in those languages) add passages
 * those words miss, at half weight, so a weak embedding model or a dictionary's stray sense cannot crowd out
 * exact matches.
 */
const VECTOR_WEIGHT = 0.5;
const EXPANSION_WEIGHT = 0.5;

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

/** Hybrid retrieval over one open index: BM25 from full text and cosine from vectors, fused by RRF. */
export class Searcher {
  /** `embedder` is null when the index holds no vectors of it: search is then full text only. */
  constructor(
    private readonly index: IndexReader,
    private readonly embedder: Embedder | null,
  ) {}

  get hasVectors(): boolean {
    return this.embedder !== null;
  }

  async search(request: SearchRequest): Promise<Candidate[]> {
    const mode = request.mode === 'hybrid' && !this.hasVectors ? 'fulltext' : request.mode;
    if (mode === 'vector' && !this.hasVectors) {
      throw new UserError('This index has no vectors (it was built without an embedding model): use --mode fulltext or hybrid.');
    }
    const [fts, expanded, translated, vec] = await Promise.all([
      mode === 'vector' ? [] : this.fullText(request, searchPhrases(request.query)),
      mode === 'vector' || !request.expansions?.length ? [] : this.fullText(request, expansionPhrases(request.expansions)),
      mode === 'vector' ? [] : this.fullText(request, translatedTerms(request.query).map((t) => [t])),
      mode === 'fulltext' ? [] : this.vectorSearch(request),
    ]);
    return fuse(fts, vec, expanded, translated);
  }

  private async fullText({ filters, depth }: SearchRequest, phrases: string[][]): Promise<PassageRow[]> {
    return phrases.length ? this.index.fullText(phrases, filters, depth) : [];
  }

  private async vectorSearch({ query, filters, depth }: SearchRequest): Promise<(PassageRow & { similarity: number })[]> {
    const vector = await this.embedder!.embedQuery(query.english);
    return this.index.nearestPassages(vector, filters, depth);
  }

  /**
   * Of words the index holds, those some passage writes as they are: the index matches words by stem, and a
   * respelt name ("phylly") shares its stem with another name ("Phyllis") no passage spells so.
   */
  async wordsWritten(words: string[], depth = WRITTEN_CHECK_DEPTH): Promise<Set<string>> {
    const written = await Promise.all(
      words.map(async (word) => {
        const rows = await this.index.fullText([[word]], {}, depth);
        return rows.some((r) => foldedWords(r.text).includes(word)) ? [word] : [];
      }),
    );
    return new Set(written.flat());
  }

  /**
   * How often each word occurs in the index, fetched at once: for word weights and matchable expansions. A word
   * counts as its commonest irregular form, which sentences match as the same word ("find" where only "found" is
   * written).
   */
  async wordCounts(words: Iterable<string>): Promise<WordCounts> {
    const asked = [...new Set(words)];
    const [counts, total] = await Promise.all([this.index.passagesWith([...new Set(asked.flatMap((w) => [w, ...irregularForms(w)]))]), this.index.passageCount()]);
    const commonest = (w: string) => Math.max(...[w, ...irregularForms(w)].map((form) => counts.get(form) ?? 0));
    return new WordCounts(new Map(asked.map((w) => [w, commonest(w)])), total);
  }
}

/** Passages looked at for a word written as it is: a name's spelling, once used, recurs in its story's passages. */
const WRITTEN_CHECK_DEPTH = 10;

/** Passage counts of a known set of words (a word not asked about counts as absent). */
export class WordCounts {
  constructor(
    private readonly counts: Map<string, number>,
    readonly total: number,
  ) {}

  /** Inverse document frequency of a folded word over passages (0 when every passage has it). */
  idf(word: string): number {
    const df = this.counts.get(word) ?? 0;
    return Math.log(1 + (this.total - df + 0.5) / (df + 0.5));
  }

  /** How many passages hold a folded word. */
  passagesWith(word: string): number {
    return this.counts.get(word) ?? 0;
  }

  /** The IDF of a word no passage has: the top of the scale. */
  maxIdf(): number {
    return Math.log(1 + (this.total + 0.5) / 0.5);
  }

  /** Of several ways of saying one word, the one most passages hold (the first when none does; "" for none). */
  mostUsed(words: string[]): string {
    return words.reduce((best, w) => ((this.counts.get(w) ?? 0) > (this.counts.get(best) ?? 0) ? w : best), words[0] ?? '');
  }

  /** Whether any passage holds the word (expansions are kept only when they can match). */
  inIndex = (word: string): boolean => (this.counts.get(word) ?? 0) > 0;
}

/** Passages that say the question in other words: each expansion as a phrase, a one-word one in any of its forms. */
function expansionPhrases(expansions: Expansion[]): string[][] {
  const phrases = expansions.flatMap((e) => (e.words.length === 1 ? [e.words[0]!, ...irregularForms(e.words[0]!)].map((w) => [w]) : [e.words]));
  return [...new Map(phrases.map((words) => [words.join(' '), words])).values()];
}

/**
 * Weighted reciprocal rank fusion of the full-text, vector and expansion lists. The list of the question's
 * translations weighs as the expansions do; a passage only it found (written in the coverage's other
 * language) takes its rank there as its full-text rank, the asker's words having no other way to reach it.
 */
function fuse(fts: PassageRow[], vec: (PassageRow & { similarity: number })[], expanded: PassageRow[], translated: PassageRow[]): Candidate[] {
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
  translated.forEach((row, i) => {
    const c = entry(row);
    c.ftsRank ??= i + 1;
    c.fused += EXPANSION_WEIGHT / (RRF_K + i + 1);
  });
  return [...byId.values()].sort((a, b) => b.fused - a.fused);
}
