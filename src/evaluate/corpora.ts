import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../config.js';
import type { CoverageService } from '../coverage.js';
import type { Embedder } from '../embed/embedder.js';
import { openCoverage } from '../open-coverage.js';
import { ARTICLE_EXTENSIONS } from '../read/discover.js';
import { CHUNKING_VERSION } from '../split/passages.js';
import type { RawArticle } from './baseline.js';
import { writeCorpusAsMarkdown, type CorpusRecord } from './corpus-files.js';

/** A collection of articles the sets ask about, and the raw text the baseline reads. */
export interface Corpus {
  name: string;
  /** What the cache key hashes (names and sizes): when these change, the cached index is stale. */
  keyFiles(): { name: string; size: number }[];
  rawArticles(): RawArticle[];
  /** The folder the indexer reads; a JSONL corpus is written out under `workDir` first. */
  materialize(workDir: string): Promise<string>;
}

/** A folder of article files as the bot indexes it (the seed coverage). */
export function folderCorpus(name: string, dir: string): Corpus {
  const files = () =>
    (readdirSync(dir, { recursive: true }) as string[]).filter((f) => statSync(path.join(dir, f)).isFile()).sort();
  return {
    name,
    keyFiles: () => files().map((f) => ({ name: f, size: statSync(path.join(dir, f)).size })),
    rawArticles: () =>
      files()
        .filter((f) => ARTICLE_EXTENSIONS.has(path.extname(f).toLowerCase()))
        .map((f) => ({ file: f, text: readFileSync(path.join(dir, f), 'utf8') })),
    materialize: async () => dir,
  };
}

/** Which lines of a JSONL corpus a set asks about: `count` non-empty lines after the first `from`. */
export interface CorpusSlice {
  from: number;
  count: number;
}

/** A JSONL news corpus (BBC News, or a slice of Reuters), indexed as one `<id>.md` per article carrying `outlet`. */
export function jsonlCorpus(name: string, jsonl: string, outlet: string, slice: CorpusSlice = { from: 0, count: Infinity }): Corpus {
  const sliced = slice.from === 0 && slice.count === Infinity ? '' : ` lines ${slice.from}+${slice.count}`;
  return {
    name,
    keyFiles: () => [{ name: `${path.basename(jsonl)}${sliced} as .md with outlet ${outlet}`, size: statSync(jsonl).size }],
    rawArticles: () =>
      readFileSync(jsonl, 'utf8')
        .split('\n')
        .filter((line) => line.trim())
        .slice(slice.from, slice.from + slice.count)
        .map((line) => JSON.parse(line) as CorpusRecord)
        .filter((r) => r.text?.trim())
        .map((r) => ({ file: `${r.id}.md`, text: r.text })),
    async materialize(workDir) {
      const dir = path.join(workDir, 'articles');
      if (!existsSync(dir)) await writeCorpusAsMarkdown(jsonl, dir, slice.count, outlet, slice.from);
      return dir;
    },
  };
}

/** Changes whenever the corpus, the chunking or the embedding model does: each of these changes the index. */
export function cacheKey(corpus: Corpus, modelId: string | null): string {
  const material = JSON.stringify({ files: corpus.keyFiles(), chunking: CHUNKING_VERSION, model: modelId ?? 'none' });
  return createHash('sha256').update(material).digest('hex').slice(0, 12);
}

export interface OpenedCorpus {
  coverage: CoverageService;
  reused: boolean;
  close(): Promise<void>;
}

export interface OpenCorpusOptions {
  config: Config;
  embedder: Embedder | null;
  /** Keep and reuse the index under this folder (--cache); otherwise it lives in a temporary folder. */
  cacheRoot: string | null;
  log: (line: string) => void;
}

/** Builds (or, with a cache, reuses) one index per corpus, shared by every set and search mode over it. */
export async function openCorpus(corpus: Corpus, options: OpenCorpusOptions): Promise<OpenedCorpus> {
  const modelId = options.embedder?.info.id ?? null;
  const workDir = options.cacheRoot
    ? path.join(options.cacheRoot, `${corpus.name}-${cacheKey(corpus, modelId)}`)
    : mkdtempSync(path.join(os.tmpdir(), `eval-${corpus.name}-`));
  // Written only once the index is complete, so an interrupted build is redone, not reused.
  const marker = path.join(workDir, 'complete');
  const reused = existsSync(marker);
  if (!reused) {
    rmSync(workDir, { recursive: true, force: true });
    mkdirSync(workDir, { recursive: true });
  }
  options.log(reused ? `${corpus.name}: reusing the index in ${workDir}` : `${corpus.name}: building an index in ${workDir}`);
  const config = { ...options.config, coverageDir: await corpus.materialize(workDir), indexDir: path.join(workDir, 'index') };
  // One embedder serves every corpus, and closing a coverage disposes its embedder: lend it without that.
  const lent = options.embedder;
  const embedder: Embedder | null = lent && {
    info: lent.info,
    embedPassages: (texts) => lent.embedPassages(texts),
    embedQuery: (text) => lent.embedQuery(text),
    dispose: async () => {},
  };
  const coverage = await openCoverage(config, { embedder, log: options.log });
  writeFileSync(marker, `${new Date().toISOString()}\n`);
  return {
    coverage,
    reused,
    async close() {
      await coverage.close();
      if (!options.cacheRoot) rmSync(workDir, { recursive: true, force: true });
    },
  };
}
