import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Article, IndexReport } from '../domain.js';
import type { Embedder } from '../embed/embedder.js';
import { ReadError } from '../errors.js';
import { discoverFiles } from '../read/discover.js';
import { errnoReason, notRegularReason } from '../read/regular-file.js';
import { readArticle } from '../read/read-article.js';
import { CHUNKING_VERSION, splitPassages } from '../split/passages.js';
import type { FileRecord, IndexWriter, StoredFile } from '../store/index-store.js';
import { openIndexWriter } from '../store/open-store.js';
import { findDuplicatesOf, mergeMetadata, outranks, richness } from './duplicates.js';
import { documentId, fileHash } from './file-hash.js';
import { planRun, type PresentFile } from './plan.js';
import { sentenceFingerprints } from '../text/fingerprint.js';
import { VectorSync } from './vector-sync.js';

export interface IndexOptions {
  /** Folders or files as the user gave them. */
  roots: string[];
  /** Postgres holding the index instead of indexDir's SQLite file (DATABASE_URL). */
  databaseUrl?: string | null;
  /** Whether indexed files under the roots that are gone should be removed (true for a full run). */
  removeMissing: boolean;
  embedder: Embedder | null;
  onProgress?: (done: number, total: number, file: string) => void;
  /** Seconds to wait for another indexing run of the same INDEX_DIR (INDEX_LOCK_WAIT); default 60. */
  lockWaitSeconds?: number;
  /** Notices, such as waiting for another run. */
  log?: (line: string) => void;
  /** Seconds one file may take to read and clean before it is skipped and reported; default 10. */
  fileTimeBudgetSeconds?: number;
}

export const DEFAULT_FILE_TIME_BUDGET_SECONDS = 10;

type Pending = PresentFile;

const HASH_BATCH = 256;
/** Documents written between two turns of the event loop during the write transaction. */
const YIELD_EVERY = 25;

/**
 * Brings the index in `indexDir` up to date with the files under the roots. All database changes of
 * a run happen in one transaction, and the vector file it writes becomes current only through that
 * commit, so a run killed at any point leaves the previous index as it was.
 */
export async function runIndex(indexDir: string, options: IndexOptions): Promise<IndexReport> {
  // One writer at a time, from planning to commit: a second run plans only after the first has committed.
  const where = { indexDir, databaseUrl: options.databaseUrl ?? null };
  const index = await openIndexWriter(where, { lockWaitSeconds: options.lockWaitSeconds, log: options.log });
  try {
    return await indexInto(index, options);
  } finally {
    await index.close();
  }
}

async function indexInto(index: IndexWriter, options: IndexOptions): Promise<IndexReport> {
  const discovered = await discoverFiles(options.roots);
  const failed = [...discovered.failed];
  // Paths that exist but could not be listed or hashed; a vanished one (ENOENT) is no reason to keep anything.
  const unreadable = discovered.failed.filter((f) => f.error !== errnoReason({ code: 'ENOENT' })).map((f) => path.resolve(f.file));
  const known = new Map((await index.files()).map((f) => [f.absPath, f]));
  const manifest = await index.manifest();
  const rechunk = manifest.chunking !== null && manifest.chunking !== CHUNKING_VERSION;

  const present: PresentFile[] = [];
  // Bounded batches: a folder of hundreds of thousands of files must not open them all at once.
  for (let i = 0; i < discovered.files.length; i += HASH_BATCH) {
    const batch = await Promise.all(
      discovered.files.slice(i, i + HASH_BATCH).map(async (f) => {
        const absPath = path.resolve(f.path);
        try {
          return { absPath, file: f.displayPath, hash: await fileHash(absPath) };
        } catch (error) {
          failed.push({ file: f.displayPath, error: reasonAbout(error, f.displayPath) });
          unreadable.push(absPath);
          return null;
        }
      }),
    );
    present.push(...batch.filter((p): p is PresentFile => p !== null));
  }
  const liveRoots = options.roots.filter((r) => !discovered.failed.some((f) => f.file === r)).map((r) => path.resolve(r));
  const plan = planRun(known, present, { removeMissing: options.removeMissing, liveRoots, unreadable, stillThere }, existsSync);
  const { toRead, gone, detached, unchanged } = plan;
  failed.push(...plan.unreadable);

  const budget = options.fileTimeBudgetSeconds ?? DEFAULT_FILE_TIME_BUDGET_SECONDS;
  const articles: { pending: Pending; article: Article }[] = [];
  for (const [i, pending] of toRead.entries()) {
    options.onProgress?.(i, toRead.length, pending.file);
    try {
      // Decoding and cleaning are synchronous, so a slow file cannot be interrupted: it is measured and,
      // over the budget, skipped afterwards (its indexed version, if any, stays), and the run goes on.
      const started = performance.now();
      const article = await readArticle(pending.absPath, pending.file);
      const seconds = (performance.now() - started) / 1000;
      if (seconds > budget) failed.push({ file: pending.file, error: `took longer than ${budget} s to read (${seconds.toFixed(1)} s)` });
      else articles.push({ pending, article });
    } catch (error) {
      failed.push({ file: pending.file, error: reasonAbout(error, pending.file) });
    }
  }
  options.onProgress?.(toRead.length, toRead.length, '');

  const vectors = await VectorSync.open(index, options.embedder);
  // Embedding is the slow part (seconds to minutes): it happens here, before the write transaction,
  // so other connections are never kept waiting for the model.
  if (vectors.embeds) {
    const texts = articles.flatMap(({ article }) => splitPassages(article.text).map((p) => p.text));
    if (rechunk) texts.push(...(await rechunkedTexts(index)));
    await vectors.embedAhead(texts, { includeStored: !rechunk });
  }
  const counts = { added: 0, updated: 0, removed: 0 };
  await index.begin();
  try {
    if (rechunk) await rechunkStoredDocuments(index, vectors);
    const readOk = new Set(articles.map((a) => a.pending.absPath));
    for (const record of gone) {
      await detach(index, record, vectors);
      counts.removed++;
    }
    // A changed primary that now fails to read keeps its indexed version: nothing indexed is lost.
    for (const record of detached) if (readOk.has(record.absPath)) await detach(index, record, vectors);
    const ranks = new Map<string, number>();
    for (const [i, { pending, article }] of articles.entries()) {
      // The writes are synchronous underneath: a turn of the event loop now and then lets Ctrl-C or SIGTERM
      // stop the run (rolled back, the lock released) instead of waiting for the commit.
      if (i % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((resolve) => setImmediate(resolve));
      const before = known.get(pending.absPath);
      if (before && !before.isPrimary) await index.forgetFile(pending.absPath);
      await store(index, pending, article, vectors, ranks);
      if (!before) counts.added++;
      else if (before.hash !== pending.hash) counts.updated++;
    }
    await vectors.embedPending();
    await index.commit({ chunking: CHUNKING_VERSION, embedding: vectors.modelJson() });
  } catch (error) {
    await index.rollback();
    throw error;
  }
  const { documents, passages, duplicates } = await index.contents();
  const model = vectors.modelId();
  const { added, updated, removed } = counts;
  return { documents, passages, added, updated, unchanged, removed, duplicates, failed, embedding: model ? { model } : null };
}

/** Why a known file the listing did not find is still there, or null when it is really gone. */
function stillThere(absPath: string): string | null {
  try {
    return notRegularReason(statSync(absPath)) ?? 'not found when its folder was listed';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? null : errnoReason(error);
  }
}

/** Removes a file from the index: an alias row, or a primary's whole document. */
async function detach(index: IndexWriter, record: FileRecord, vectors: VectorSync): Promise<void> {
  if (!record.isPrimary) await index.forgetFile(record.absPath);
  else vectors.forget(await index.deleteDocument(record.documentId));
}

/**
 * Adds an article as a new document, or as a copy of the documents it duplicates. The group's primary is
 * its richest copy (ties by path), never simply the first one indexed, so any order gives the same documents.
 */
async function store(index: IndexWriter, pending: Pending, article: Article, vectors: VectorSync, ranks: Map<string, number>): Promise<void> {
  const fingerprints = sentenceFingerprints(article.text);
  ranks.set(pending.absPath, richness(article));
  const matches: Group[] = [];
  for (const id of await findDuplicatesOf(index, fingerprints)) {
    const { article: stored, files } = await index.storedArticle(id);
    const absPath = files.find((f) => f.file === stored.file)?.absPath ?? stored.file;
    matches.push({ id, article: stored, files, absPath, richness: await ownRichness(ranks, absPath, stored) });
  }
  if (matches.length === 0) {
    await insertArticle(index, pending, article, fingerprints, vectors);
    return;
  }
  const newcomer = { absPath: pending.absPath, richness: richness(article) };
  const lead = matches.reduce((a, b) => (outranks(b, a) ? b : a));
  const others = matches.filter((m) => m !== lead);
  if (!outranks(newcomer, lead)) {
    let merged = lead.article;
    for (const other of others) {
      merged = mergeMetadata(merged, other.article);
      const otherFingerprints = await index.documentFingerprints(other.id);
      vectors.forget(await index.deleteDocument(other.id));
      for (const f of other.files) await index.recordFile(f.absPath, f.file, f.hash, lead.id);
      await index.addFingerprints(lead.id, otherFingerprints);
    }
    await index.updateMetadata(lead.id, mergeMetadata(merged, article));
    await index.recordFile(pending.absPath, pending.file, pending.hash, lead.id);
    await index.addFingerprints(lead.id, fingerprints);
    return;
  }
  // The new copy leads: the matched documents' files become its aliases.
  let merged = article;
  const groupFingerprints: string[] = [];
  for (const m of matches) {
    merged = mergeMetadata(merged, m.article);
    groupFingerprints.push(...(await index.documentFingerprints(m.id)));
    vectors.forget(await index.deleteDocument(m.id));
  }
  const id = await insertArticle(index, pending, merged, fingerprints, vectors);
  for (const m of matches) for (const f of m.files) await index.recordFile(f.absPath, f.file, f.hash, id);
  await index.addFingerprints(id, groupFingerprints);
}

interface Group {
  id: string;
  article: Article;
  files: StoredFile[];
  /** The primary copy's path. */
  absPath: string;
  richness: number;
}

/**
 * How rich a primary copy is on its own: the stored row also holds what its aliases filled in, which would
 * make the first-indexed copy look richer than it is. Copies of this run are known; an older primary is read
 * again (rare: only when a new copy matches it), falling back on the stored metadata if it cannot be read.
 */
async function ownRichness(ranks: Map<string, number>, absPath: string, stored: Article): Promise<number> {
  let rank = ranks.get(absPath);
  if (rank === undefined) {
    try {
      rank = richness(await readArticle(absPath, stored.file));
    } catch {
      rank = richness(stored);
    }
    ranks.set(absPath, rank);
  }
  return rank;
}

async function insertArticle(index: IndexWriter, pending: Pending, article: Article, fingerprints: string[], vectors: VectorSync): Promise<string> {
  const id = documentId(pending.absPath);
  const passages = await index.insertDocument(id, article, splitPassages(article.text), fingerprints);
  await index.recordFile(pending.absPath, pending.file, pending.hash, id);
  vectors.queue(passages);
  return id;
}

/** The passage texts a re-chunking will produce from the stored documents, to embed them ahead. */
async function rechunkedTexts(index: IndexWriter): Promise<string[]> {
  const texts: string[] = [];
  for await (const text of index.documentTexts()) for (const p of splitPassages(text)) texts.push(p.text);
  return texts;
}

/** A new chunking version: re-split every stored document's text (no files are read again). */
async function rechunkStoredDocuments(index: IndexWriter, vectors: VectorSync): Promise<void> {
  for (const id of await index.documentIds()) {
    const { article, files } = await index.storedArticle(id);
    // The copies' fingerprints are kept too: later copies are matched against all of them.
    const fingerprints = await index.documentFingerprints(id);
    vectors.forget(await index.deleteDocument(id));
    const passages = await index.insertDocument(id, article, splitPassages(article.text), sentenceFingerprints(article.text));
    for (const f of files) await index.recordFile(f.absPath, f.file, f.hash, id);
    await index.addFingerprints(id, fingerprints);
    vectors.queue(passages);
  }
}

/** An error's text for a report line that already names `file`: without the name when it is about that file. */
function reasonAbout(error: unknown, file: string): string {
  if (error instanceof ReadError && error.file === file) return error.reason;
  return error instanceof Error ? error.message : String(error);
}
