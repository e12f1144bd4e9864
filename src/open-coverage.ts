import { existsSync } from 'node:fs';
import path from 'node:path';
import { displayPath, type Config } from './config.js';
import type { CoverageService, SourceFilter } from './coverage.js';
import type { Answer, AskOptions, Feedback, IndexReport, Passage, SourceSummary } from './domain.js';
import type { Embedder } from './embed/embedder.js';
import { loadConfiguredEmbedder } from './embed/load.js';
import { UserError } from './errors.js';
import { runIndex } from './indexer/run-index.js';
import { composeAnswer, DEFAULT_GATE } from './answer/compose.js';
import { lookupQuote } from './answer/quote-lookup.js';
import { validateDate } from './search/filters.js';
import { parseQuery, type ParsedQuery } from './search/query.js';
import type { SentenceCandidate } from './answer/features.js';
import { Searcher } from './search/searcher.js';
import { ABSENT_WORD_FACTOR, evidenceWeight, specificity, UNTRANSLATED_WORD_WEIGHT } from './search/word-weights.js';
import { CHUNKING_VERSION } from './split/passages.js';
import { storedChunking } from './store/database.js';
import { IndexReader } from './store/index-reader.js';
import { viewArticle, type ArticleView } from './answer/article-view.js';
import { sentenceCandidates } from './answer/candidates.js';
import { longDate } from './answer/citation-line.js';
import { loadRankerWeights } from './answer/ranker.js';
import { expandQuery } from './search/expand.js';
import { openWordNet, type WordNet } from './wordnet/wordnet.js';
import { Lru } from './util/lru.js';
import { VectorIndex } from './store/vectors.js';

export interface OpenOptions {
  /** Progress and notices (stderr in the CLI, the logger in the bot). */
  log?: (line: string) => void;
  /** An embedder already loaded (tests, benchmarks); otherwise the configured one is loaded. */
  embedder?: Embedder | null;
}

export const MAX_K = 25;
const SEARCH_DEPTH = 60;
const VIEWS_KEPT = 500;

/** What an article says about itself, as words: "October 2024" lets "October remarks" match an article of that month. */
function describe(s: SourceSummary): string {
  return [s.title, s.outlet, s.author, s.published ? longDate(s.published) : null].filter(Boolean).join(' ');
}

/**
 * Opens the index in config.indexDir, building or updating it from config.coverageDir first when it is
 * missing or was built by another chunking version, so the first `ask` on a fresh clone just works.
 */
export async function openCoverage(config: Config, options: OpenOptions = {}): Promise<CoverageService> {
  const log = options.log ?? (() => {});
  const embedder = options.embedder !== undefined ? options.embedder : await loadConfiguredEmbedder(config, log);
  if (needsBuild(config.indexDir)) {
    log(`Building the index in ${config.indexDir} from ${config.coverageDir} …`);
    const report = await runIndex(config.indexDir, {
      roots: [displayPath(config.coverageDir)],
      removeMissing: true,
      embedder,
      lockWaitSeconds: config.indexLockWaitSeconds,
      log,
    });
    log(`Indexed ${report.documents} articles, ${report.passages} passages (${report.failed.length} files failed).`);
  }
  specificity('warm'); // loads the word-frequency table now rather than during the first question
  // Queries read through a read-only connection: it never takes the write lock, so an indexing run in
  // another process (WAL) never makes a question wait or fail.
  return new OpenCoverage(config, IndexReader.open(config.indexDir), embedder, openWordNet(), log);
}

function needsBuild(indexDir: string): boolean {
  return storedChunking(indexDir) !== CHUNKING_VERSION;
}

class OpenCoverage implements CoverageService {
  private searcher!: Searcher;
  /** The loaded vector index, released when the next load replaces it. */
  private vectors: VectorIndex | null = null;
  private loadedAt: string | null = null;
  private readonly summaries = new Map<string, SourceSummary>();
  private readonly views = new Lru<string, ArticleView>(VIEWS_KEPT);
  private readonly ranker = loadRankerWeights();

  constructor(
    private readonly config: Config,
    private readonly index: IndexReader,
    private readonly embedder: Embedder | null,
    private readonly wordnet: WordNet,
    private readonly log: (line: string) => void,
  ) {
    this.load();
  }

  /** (Re)reads the manifest and the vector file it names; vectors of another model are not used. */
  private load(): void {
    const manifest = this.index.manifest();
    this.loadedAt = manifest.updatedAt;
    this.index.dropCaches();
    this.summaries.clear();
    this.views.clear();
    let vectors: VectorIndex | null = null;
    const file = manifest.vectorsFile ? path.join(this.config.indexDir, manifest.vectorsFile) : null;
    if (this.embedder && manifest.embedding === JSON.stringify(this.embedder.info) && file && existsSync(file)) {
      vectors = VectorIndex.load(file, this.embedder.info.dimensions);
    } else if (this.embedder && manifest.embedding !== JSON.stringify(this.embedder.info)) {
      this.log(`The index's vectors were not made by ${this.embedder.info.id}: run npm run index to rebuild them. Full-text search until then.`);
    }
    // A search still running on the old index finds it empty: the full-text half of its answer stands.
    this.vectors?.release();
    this.vectors = vectors;
    this.searcher = new Searcher(this.index, vectors, vectors ? this.embedder : null);
  }

  refresh(): void {
    if (this.index.manifest().updatedAt !== this.loadedAt) this.load();
  }

  /** Articles split into sentences, kept for the questions that follow (the same articles come back often). */
  private viewOf = (id: string): ArticleView => {
    let view = this.views.get(id);
    if (!view) {
      view = viewArticle(id, describe(this.sourceOf(id)), this.index.documentPassages(id));
      this.views.set(id, view);
    }
    return view;
  };

  private sourceOf = (id: string): SourceSummary => {
    let s = this.summaries.get(id);
    if (!s) {
      s = this.index.summary(id)!;
      this.summaries.set(id, s);
    }
    return s;
  };

  async ask(question: string, options: AskOptions = {}): Promise<Answer> {
    const started = performance.now();
    const { query, candidates } = await this.sentencesFor(question, options);
    const k = Math.min(Math.max(options.k ?? 5, 1), MAX_K);
    const searched = this.index.documentCount();
    const answer = composeAnswer({ query, candidates, model: this.ranker, k, source: this.sourceOf, searched, gate: DEFAULT_GATE });
    return { ...answer, timingMs: { total: Math.round((performance.now() - started) * 10) / 10 } };
  }

  async sentencesFor(question: string, options: AskOptions = {}): Promise<{ query: ParsedQuery; candidates: SentenceCandidate[] }> {
    const query = parseQuery(question);
    const filters = {
      outlet: options.outlet,
      author: options.author,
      since: validateDate('since', options.since),
      until: validateDate('until', options.until),
    };
    if (filters.since && filters.until && filters.since > filters.until) throw new UserError(`since (${filters.since}) is after until (${filters.until}).`);
    if (filters.outlet && !this.outlets().some((o) => o.toLowerCase() === filters.outlet!.toLowerCase())) {
      throw new UserError(`No outlet named "${filters.outlet}" in the index. Known outlets: ${this.outlets().join(', ') || 'none'}.`);
    }
    const expansions = expandQuery(query, this.wordnet, this.searcher.inIndex);
    const retrieved = await this.searcher.search({ query, expansions, mode: options.mode ?? 'hybrid', filters, depth: SEARCH_DEPTH });
    const maxIdf = this.searcher.maxIdf();
    const weights = query.words.map((w, i) => {
      const weight = evidenceWeight(w, this.searcher.idf(w), maxIdf);
      // Only a dictionary word can be the asker's paraphrase; "brexit" typed in lower case is still a name.
      const paraphrasable = !query.names[i] && this.wordnet.baseForms(w).length > 0;
      return paraphrasable && !this.searcher.inIndex(w) ? weight * ABSENT_WORD_FACTOR : weight;
    });
    // Words of the question no English sentence can say still weigh, so a question reduced to one name is not "answered".
    const unmatched = Array.from({ length: query.untranslated }, () => '');
    const match = { stems: [...query.stems, ...unmatched], weights: [...weights, ...unmatched.map(() => UNTRANSLATED_WORD_WEIGHT)], expansions };
    return { query, candidates: sentenceCandidates(query, match, retrieved, this.viewOf) };
  }

  cite(quote: string, options: { limit?: number } = {}) {
    return lookupQuote(this.searcher, this.sourceOf, quote, options.limit ?? 5);
  }

  sources(filter: SourceFilter = {}): SourceSummary[] {
    const all = this.index.summaries();
    const words = filter.search?.toLowerCase().split(/\s+/).filter(Boolean) ?? [];
    return all.filter(
      (s) =>
        (!filter.outlet || s.outlet?.toLowerCase() === filter.outlet.toLowerCase()) &&
        words.every((w) => [s.title, s.author, s.outlet, s.file].some((f) => f?.toLowerCase().includes(w))),
    );
  }

  source(id: string): SourceSummary | null {
    return this.index.summary(id);
  }

  passagesOf(documentId: string): Passage[] {
    return this.index.documentPassages(documentId);
  }

  passage(id: number) {
    const passage = this.index.passage(id);
    return passage ? { passage, source: this.sourceOf(passage.documentId) } : null;
  }

  outlets(): string[] {
    return this.index.outlets();
  }

  stats() {
    return this.index.stats(this.searcher.hasVectors ? (this.embedder?.info.id ?? null) : null);
  }

  async addFiles(files: string[]): Promise<IndexReport> {
    const report = await runIndex(this.config.indexDir, {
      roots: files,
      removeMissing: false,
      embedder: this.embedder,
      lockWaitSeconds: this.config.indexLockWaitSeconds,
      log: this.log,
    });
    this.refresh();
    return report;
  }

  /** Waits briefly for another writer (an indexing run), then throws SQLITE_BUSY: the bot's write queue retries. */
  recordFeedback(feedback: Feedback): void {
    this.index.recordFeedback(feedback);
  }

  async close(): Promise<void> {
    this.index.close();
    await this.embedder?.dispose();
  }
}
