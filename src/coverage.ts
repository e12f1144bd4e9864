import type {
  Answer,
  AskOptions,
  Feedback,
  IndexReport,
  IndexStats,
  Passage,
  QuoteLookup,
  SourceSummary,
} from './domain.js';
import type { SentenceCandidate } from './answer/features.js';
import type { ParsedQuery } from './search/query.js';

export interface SourceFilter {
  outlet?: string;
  /** Words to look for in titles, authors and outlets. */
  search?: string;
}

/**
 * The core every front end calls: the CLI commands and the Discord commands alike.
 * Discord code only formats what this returns.
 */
export interface CoverageService {
  ask(question: string, options?: AskOptions): Promise<Answer>;
  /** Every sentence `ask` considers for a question, with the ranker's features: for training and diagnostics. */
  sentencesFor(question: string, options?: AskOptions): Promise<{ query: ParsedQuery; candidates: SentenceCandidate[] }>;
  cite(quote: string, options?: { limit?: number }): Promise<QuoteLookup>;
  /** The indexed articles, newest first (undated last). */
  sources(filter?: SourceFilter): Promise<SourceSummary[]>;
  source(id: string): Promise<SourceSummary | null>;
  /** An article's passages, in order. */
  passagesOf(documentId: string): Promise<Passage[]>;
  /** One passage with the article it belongs to, for "Show passage". */
  passage(id: number): Promise<{ passage: Passage; source: SourceSummary } | null>;
  outlets(): Promise<string[]>;
  stats(): Promise<IndexStats>;
  /** Indexes more files incrementally (nothing else is removed). */
  addFiles(files: string[]): Promise<IndexReport>;
  /** Rejects with a busy error (isBusy) while an indexing run holds the write lock, for the caller to retry. */
  recordFeedback(feedback: Feedback): Promise<void>;
  /** Picks up an index another process changed on disk; cheap when nothing changed. */
  refresh(): Promise<void>;
  close(): Promise<void>;
}
