/**
 * The domain records that flow through the pipeline:
 * read → clean → split → embed → store → search → answer → reply.
 * Plain records, no classes: every stage is a function from one of these to the next.
 */

/** Metadata of an article. A field that could not be established stays null: we never guess. */
export interface ArticleMeta {
  title: string | null;
  outlet: string | null;
  authors: string[];
  /** ISO yyyy-mm-dd. */
  published: string | null;
  language: string | null;
  url: string | null;
}

/** An article as read and cleaned from one file. `text` is what passages point into. */
export interface Article extends ArticleMeta {
  /** The path as given to the indexer. */
  file: string;
  /** sha256 of the file's bytes: unchanged files are skipped on re-runs. */
  contentHash: string;
  /** The cleaned article body: no page chrome. Passage offsets index into it. */
  text: string;
}

/** A span of an article's cleaned text, quoted verbatim. */
export interface PassageSpan {
  ordinal: number;
  start: number;
  end: number;
  text: string;
}

export interface Passage extends PassageSpan {
  id: number;
  documentId: string;
}

/** One indexed article as the sources listing shows it. */
export interface SourceSummary {
  id: string;
  file: string;
  aliases: string[];
  title: string | null;
  outlet: string | null;
  author: string | null;
  published: string | null;
  url: string | null;
  language: string | null;
  passages: number;
}

/** A numbered, verifiable quote from one passage. */
export interface Citation {
  n: number;
  documentId: string;
  passageId: number;
  file: string;
  title: string | null;
  outlet: string | null;
  author: string | null;
  published: string | null;
  url: string | null;
  /** Exact substring of the article's cleaned text. */
  quote: string;
  /** Offsets of `quote` in the article's cleaned text. */
  start: number;
  end: number;
  score: number;
  /** Files of other articles (or saved copies) that carry the same text. */
  alsoIn: string[];
}

export interface Answer {
  question: string;
  /** True when the coverage does not answer: `citations` is then empty and `closest` lists what came nearest. */
  abstained: boolean;
  /** The quoted sentences with [n] markers, or the abstention message. */
  answer: string;
  citations: Citation[];
  closest: Citation[];
  /** How many articles the search ran over. */
  searched: number;
  /** Share of the question's weight the best passage matched (0–1): what the evidence gate looks at. */
  evidence: number;
  timingMs: { total: number };
}

export interface QuoteMatch {
  documentId: string;
  passageId: number;
  file: string;
  title: string | null;
  outlet: string | null;
  author: string | null;
  published: string | null;
  url: string | null;
  passage: string;
  exact: boolean;
  score: number;
  /** A ready-to-paste line: Author, "Title", Outlet, D Month YYYY, URL */
  citation: string;
}

export interface QuoteLookup {
  quote: string;
  matches: QuoteMatch[];
}

export type SearchMode = 'hybrid' | 'fulltext' | 'vector';

export interface SearchFilters {
  outlet?: string;
  author?: string;
  /** yyyy-mm-dd, inclusive. */
  since?: string;
  until?: string;
  /** Only this article's passages (a document id): "Ask about this" on a feed's post. */
  documentId?: string;
}

export interface AskOptions extends SearchFilters {
  /** How many citations at most. */
  k?: number;
  mode?: SearchMode;
}

export interface IndexReport {
  documents: number;
  passages: number;
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
  duplicates: { file: string; duplicateOf: string }[];
  failed: { file: string; error: string }[];
  embedding: { model: string } | null;
}

export interface IndexStats {
  documents: number;
  passages: number;
  outlets: string[];
  earliest: string | null;
  latest: string | null;
  embeddingModel: string | null;
  /** ISO timestamp of the last change to the index. */
  updatedAt: string | null;
}

export interface Feedback {
  question: string;
  passageIds: number[];
  helpful: boolean;
  userId: string;
}
