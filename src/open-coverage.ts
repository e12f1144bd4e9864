import { displayPath, indexName, type Config } from './config.js';
import type { CoverageService, SourceFilter } from './coverage.js';
import type { Answer, AskOptions, Feedback, IndexReport, Passage, SourceSummary } from './domain.js';
import type { Embedder } from './embed/embedder.js';
import { loadConfiguredEmbedder } from './embed/load.js';
import { UserError } from './errors.js';
import { runIndex } from './indexer/run-index.js';
import { composeAnswer, DEFAULT_GATE } from './answer/compose.js';
import { lookupQuote } from './answer/quote-lookup.js';
import { validateDate } from './search/filters.js';
import { parseQuery, withLowerCaseNames, type ParsedQuery } from './search/query.js';
import { kindByNoun } from './search/question-kind.js';
import type { SentenceCandidate } from './answer/features.js';
import { Searcher, type WordCounts } from './search/searcher.js';
import { preferIndexedTranslations, readingsToLookUp } from './search/gloss.js';
import type { IndexReader } from './store/index-store.js';
import { isCommonEnglishWord, isEnglishWord, specificity } from './search/word-weights.js';
import { matchQuery } from './search/match-query.js';
import { ownWordTerms, translatedTerms, withCyrillicWordings, withLatinWordings, wordsToTranslate } from './search/own-words.js';
import { CHUNKING_VERSION } from './split/passages.js';
import { builtChunking, openIndexReader } from './store/open-store.js';
import { viewArticle, type ArticleView } from './answer/article-view.js';
import { articlesToRead, sentenceCandidates } from './answer/candidates.js';
import { longDate } from './answer/citation-line.js';
import { loadRankerWeights } from './answer/ranker.js';
import { compoundParts, keepMatchable, MAX_PER_TRANSLATED_WORD, relatedGroups, wordsToLookUp } from './search/expand.js';
import { heldByStemOnly, indexedSpellings, namesToRespell, slipsOf, spellingsNear, withSpellings } from './search/misspelt-names.js';
import { foreignReadings, foreignWordsToRead, solidSplits, withForeignReadings } from './search/latin-gloss.js';
import { lightStem } from './text/terms.js';
import { asLatinLanguage } from './text/latin-language.js';
import { latinWordKeys } from './lexicon/latin-glossary.js';
import { openWordNet, type WordNet } from './wordnet/wordnet.js';
import { Lru } from './util/lru.js';

export interface OpenOptions {
  /** Progress and notices (stderr in the CLI, the logger in the bot). */
  log?: (line: string) => void;
  /** An embedder already loaded (tests, benchmarks); otherwise the configured one is loaded. */
  embedder?: Embedder | null;
}

export const MAX_K = 25;
const SEARCH_DEPTH = 60;
/** Passages read for a slip's dictionary word written as it is ("acquires" among "acquire", "acquired" …). */
const RARER_WORD_CHECK_DEPTH = 100;
/**
 * Articles kept split into sentences between questions. An ask reads up to 14; 200 covers the last dozen or so
 * questions. Measured on 2,000 BBC articles: 500 kept cost 27 MB of heap for 2 ms less per ask than 100 (6 MB).
 */
const VIEWS_KEPT = 200;

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
  if ((await builtChunking(config)) !== CHUNKING_VERSION) {
    log(`Building the index in ${indexName(config)} from ${config.coverageDir} …`);
    const report = await runIndex(config.indexDir, {
      databaseUrl: config.databaseUrl,
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
  const reader = await openIndexReader(config, { efSearch: config.vectorEfSearch });
  const coverage = new OpenCoverage(config, reader, embedder, openWordNet(), log);
  try {
    await coverage.load();
  } catch (error) {
    await reader.close();
    throw error;
  }
  return coverage;
}


class OpenCoverage implements CoverageService {
  private searcher!: Searcher;
  private readonly summaries = new Map<string, SourceSummary>();
  private readonly views = new Lru<string, ArticleView>(VIEWS_KEPT);
  private readonly ranker = loadRankerWeights();

  constructor(
    private readonly config: Config,
    private readonly index: IndexReader,
    private readonly embedder: Embedder | null,
    private readonly wordnet: WordNet,
    private readonly log: (line: string) => void,
  ) {}

  /** Starts searching what the index now holds; vectors of another model are not used. */
  async load(): Promise<void> {
    this.summaries.clear();
    this.views.clear();
    const modelJson = this.embedder ? JSON.stringify(this.embedder.info) : null;
    const hasVectors = modelJson !== null && (await this.index.hasVectorsOf(modelJson));
    if (this.embedder && !hasVectors && (await this.index.manifest()).embedding !== modelJson) {
      this.log(`The index's vectors were not made by ${this.embedder.info.id}: run npm run index to rebuild them. Full-text search until then.`);
    }
    this.searcher = new Searcher(this.index, hasVectors ? this.embedder : null);
  }

  async refresh(): Promise<void> {
    if (await this.index.refresh()) await this.load();
  }

  /** Articles split into sentences, fetched before the synchronous ranking and kept for the questions that follow. */
  // Missing articles are fetched together: with a database server, one round trip at a time would add up.
  private async viewsOf(ids: string[]): Promise<Map<string, ArticleView>> {
    const unique = [...new Set(ids)];
    const sources = await this.sourcesOf(unique);
    const missing = unique.filter((id) => !this.views.get(id));
    const passages = await Promise.all(missing.map((id) => this.index.documentPassages(id)));
    missing.forEach((id, i) => {
      const source = sources.get(id)!;
      const language = asLatinLanguage(source.language);
      this.views.set(id, viewArticle(id, describe(source), passages[i]!, language ? latinWordKeys(language) : null));
    });
    return new Map(unique.map((id) => [id, this.views.get(id)!]));
  }

  private async sourcesOf(ids: Iterable<string>): Promise<Map<string, SourceSummary>> {
    const unique = [...new Set(ids)];
    const missing = unique.filter((id) => !this.summaries.has(id));
    const fetched = await Promise.all(missing.map((id) => this.index.summary(id)));
    missing.forEach((id, i) => this.summaries.set(id, fetched[i]!));
    return new Map(unique.map((id) => [id, this.summaries.get(id)!]));
  }

  async ask(question: string, options: AskOptions = {}): Promise<Answer> {
    const started = performance.now();
    const { query, candidates } = await this.sentencesFor(question, options);
    const k = Math.min(Math.max(options.k ?? 5, 1), MAX_K);
    const searched = await this.index.documentCount();
    const sources = await this.sourcesOf(candidates.map((c) => c.view.documentId));
    const source = (id: string) => sources.get(id)!;
    const words = { namesAPerson: (word: string) => this.wordnet.namesAPerson(word), isVerb: (word: string) => this.wordnet.isVerb(word) };
    const answer = composeAnswer({ query, candidates, model: this.ranker, k, source, searched, gate: DEFAULT_GATE, words });
    // The question as the asker wrote it, greeting and all: the query reads it without its chat framing.
    return { ...answer, question: question.trim(), timingMs: { total: Math.round((performance.now() - started) * 10) / 10 } };
  }

  async sentencesFor(question: string, options: AskOptions = {}): Promise<{ query: ParsedQuery; candidates: SentenceCandidate[] }> {
    const parsed = this.parse(question);
    const filters = {
      outlet: options.outlet,
      author: options.author,
      since: validateDate('since', options.since),
      until: validateDate('until', options.until),
      documentId: options.documentId,
    };
    if (filters.since && filters.until && filters.since > filters.until) throw new UserError(`since (${filters.since}) is after until (${filters.until}).`);
    if (filters.documentId && !(await this.sourcesOf([filters.documentId])).get(filters.documentId)) {
      throw new UserError('That article is no longer in the coverage.');
    }
    if (filters.outlet) {
      const outlets = await this.outlets();
      if (!outlets.some((o) => o.toLowerCase() === filters.outlet!.toLowerCase())) {
        throw new UserError(`No outlet named "${filters.outlet}" in the index. Known outlets: ${outlets.join(', ') || 'none'}.`);
      }
    }
    // Every word whose count matters (the question's and every candidate expansion's), looked up at once;
    // again if a translated question is better read with translations the coverage uses, or the question is
    // also read in the coverage's Cyrillic languages.
    let groups = relatedGroups(parsed, this.wordnet);
    let counts = await this.searcher.wordCounts([...parsed.words, ...readingsToLookUp(parsed), ...wordsToLookUp(groups), ...ownWordTerms(parsed)]);
    const read = await this.readForeignWords(await this.respellNames(preferIndexedTranslations(parsed, counts.inIndex), counts), counts.inIndex);
    // Names of a lower-case question, after respelling and foreign readings have read what they can of its
    // unknown words; a word that is two dictionary words written solid ("heatwave") is no name.
    const isDictionaryWord = (w: string) => this.wordnet.baseForms(w).length > 0 || compoundParts(w, this.wordnet).length > 0;
    const query = withLowerCaseNames(await this.readInCoverageLanguages(read), isDictionaryWord);
    if (query !== parsed) {
      groups = relatedGroups(query, this.wordnet);
      counts = await this.searcher.wordCounts([...query.words, ...wordsToLookUp(groups), ...ownWordTerms(query), ...translatedTerms(query)]);
    }
    const expansions = keepMatchable(query, groups, counts.inIndex);
    const retrieved = await this.searcher.search({ query, expansions, mode: options.mode ?? 'hybrid', filters, depth: SEARCH_DEPTH });
    const matched = query.translated ? keepMatchable(query, groups, counts.inIndex, MAX_PER_TRANSLATED_WORD) : expansions;
    const match = matchQuery(query, counts, matched, {
      isDictionaryWord: (w) => this.wordnet.baseForms(w).length > 0,
      namesAPerson: (w) => this.wordnet.namesAPerson(w),
      isKindOf: (w, kind) => this.wordnet.isKindOf(w, kind),
    });
    const views = await this.viewsOf(articlesToRead(retrieved));
    return { query, candidates: sentenceCandidates(query, match, retrieved, (id) => views.get(id)!) };
  }

  /** The question parsed, the kind of answer it asks for read with the dictionary's help ("how much wheat"). */
  private parse(question: string): ParsedQuery {
    const written = parseQuery(question);
    return { ...written, kind: kindByNoun(written.kind, written.english, this.wordnet) };
  }

  /**
   * Names the index never holds read as a near spelling it does ("Okkoye"), and slips as the word meant
   * ("pensin", "complet"): looked up only when there are some.
   */
  private async respellNames(query: ParsedQuery, counts: WordCounts): Promise<ParsedQuery> {
    const isWord = (w: string) => this.wordnet.baseForms(w).length > 0;
    const misspelt = namesToRespell(query, counts.inIndex, isWord);
    const byStem = heldByStemOnly(query, counts.inIndex, isWord);
    if (misspelt.length === 0 && byStem.length === 0) return query;
    const slipsOfWord = new Map([...misspelt, ...byStem].map((word) => [word, slipsOf(query, word)]));
    const tried = new Map(misspelt.map((word) => [word, [...new Set([...spellingsNear(word), ...slipsOfWord.get(word)!])]]));
    const near = await this.searcher.wordCounts([...tried.values(), ...slipsOfWord.values()].flat());
    // A name must be written so in some passage, as the index matches by stem ("phylly", "Phyllis"); a slip is for an everyday word.
    const slips = misspelt.flatMap((word) => slipsOfWord.get(word)!).filter(near.inIndex);
    const everyday = new Set(slips.filter(isEnglishWord));
    // A rarer dictionary word is looked for further: its stem's commoner forms fill the first passages.
    const rarer = new Set(slips.filter((w) => !everyday.has(w) && isWord(w)));
    const names = [...new Set([...tried.values()].flat())].filter((w) => near.inIndex(w) && !everyday.has(w) && !rarer.has(w));
    const [spelt, rarerSpelt] = await Promise.all([this.searcher.wordsWritten(names), this.searcher.wordsWritten([...rarer], RARER_WORD_CHECK_DEPTH)]);
    const respelt = indexedSpellings(tried, (w) => everyday.has(w) || spelt.has(w) || rarerSpelt.has(w), (words) => near.mostUsed(words));
    for (const word of byStem) {
      const same = slipsOfWord.get(word)!.filter((w) => isEnglishWord(w) && near.passagesWith(w) === counts.passagesWith(word));
      if (same.length > 0) respelt.set(word, near.mostUsed(same));
    }
    const read = withSpellings(query, respelt, lightStem);
    // The asker's own English is parsed again as meant: its kind and pairs of words are read from "closed at", not "cloesd at".
    if (read === query || query.translated) return read;
    return { ...this.parse(read.english), text: query.text };
  }

  /** Foreign words in a question read as English ("ponte"): their dictionaries are loaded only when there are some. */
  private async readForeignWords(query: ParsedQuery, inIndex: (word: string) => boolean): Promise<ParsedQuery> {
    // English as films say it: a word their subtitles write only a few times may be another language's ("ciudad"),
    // unless the dictionary has it too. A compound is English when the dictionary has it, written any way.
    const isEnglishWritten = (w: string) => isCommonEnglishWord(w) || (isEnglishWord(w) && this.wordnet.has(w));
    const isEnglish = (parts: string[]) =>
      parts.length === 1 ? isEnglishWritten(parts[0]!) : [parts.join(' '), parts.join('-'), parts.join('')].some((w) => this.wordnet.has(w) || isEnglishWritten(w));
    const foreign = foreignWordsToRead(query, inIndex, isEnglish);
    if (foreign.length === 0) return query;
    const readings = new Map(foreign.map((w) => [w, foreignReadings(w)]));
    // A reading the index writes open or hyphened ("counterattack" as "counter-attack") is held as its parts.
    const options = [...readings.values()].flat();
    const parts = new Map(options.map((w) => [w, solidSplits(w)]));
    const counts = await this.searcher.wordCounts([...options, ...[...parts.values()].flat(2)]);
    const held = (w: string) => counts.inIndex(w) || (parts.get(w) ?? []).some((split) => split.every(counts.inIndex));
    return withForeignReadings(query, readings, held);
  }

  /** A question is also read in the other languages some of the coverage is written in. */
  private async readInCoverageLanguages(query: ParsedQuery): Promise<ParsedQuery> {
    const languages = await this.index.languages();
    const toTranslate = (word: string) => wordsToTranslate(word, this.wordnet);
    const cyrillic = languages.includes('uk') || languages.includes('ru') ? withCyrillicWordings(query, toTranslate) : query;
    const latin = [...new Set(languages.flatMap((l) => asLatinLanguage(l) ?? []))];
    return latin.length > 0 ? withLatinWordings(cyrillic, latin, toTranslate) : cyrillic;
  }

  cite(quote: string, options: { limit?: number } = {}) {
    return lookupQuote(this.searcher, (ids) => this.sourcesOf(ids), quote, options.limit ?? 5);
  }

  async sources(filter: SourceFilter = {}): Promise<SourceSummary[]> {
    const all = await this.index.summaries();
    const words = filter.search?.toLowerCase().split(/\s+/).filter(Boolean) ?? [];
    return all.filter(
      (s) =>
        (!filter.outlet || s.outlet?.toLowerCase() === filter.outlet.toLowerCase()) &&
        words.every((w) => [s.title, s.author, s.outlet, s.file].some((f) => f?.toLowerCase().includes(w))),
    );
  }

  source(id: string): Promise<SourceSummary | null> {
    return this.index.summary(id);
  }

  passagesOf(documentId: string): Promise<Passage[]> {
    return this.index.documentPassages(documentId);
  }

  async passage(id: number): Promise<{ passage: Passage; source: SourceSummary } | null> {
    const passage = await this.index.passage(id);
    return passage ? { passage, source: (await this.sourcesOf([passage.documentId])).get(passage.documentId)! } : null;
  }

  outlets(): Promise<string[]> {
    return this.index.outlets();
  }

  stats() {
    return this.index.stats(this.searcher.hasVectors ? (this.embedder?.info.id ?? null) : null);
  }

  async addFiles(files: string[]): Promise<IndexReport> {
    const report = await runIndex(this.config.indexDir, {
      databaseUrl: this.config.databaseUrl,
      roots: files,
      removeMissing: false,
      embedder: this.embedder,
      lockWaitSeconds: this.config.indexLockWaitSeconds,
      log: this.log,
    });
    await this.refresh();
    return report;
  }

  /** Waits briefly for another writer (an indexing run), then rejects with a busy error: the bot's write queue retries. */
  recordFeedback(feedback: Feedback): Promise<void> {
    return this.index.recordFeedback(feedback);
  }

  async close(): Promise<void> {
    await this.index.close();
    await this.embedder?.dispose();
  }
}
