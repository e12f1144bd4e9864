import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeTrainingText, type CorpusStats } from './corpus.js';
import { trainSkipgram, wordVectors, type SkipgramOptions } from './fasttext.js';
import type { EmbeddingTable } from './onnx-writer.js';
import { retrofit, type RetrofitOptions } from './retrofit.js';
import { normalizeRows, pool, removeComponents, scaleRows, sifWeights, topComponents } from './sif.js';
import { writeStaticModel } from './static-model.js';
import { SPECIAL_TOKENS } from './tokenizer-files.js';
import { buildVocab, wordPieceTokens } from './vocab.js';
import { isWord } from './words.js';

/** Everything `npm run build-model` decides; the defaults are the measured choices (see README "Own model"). */
export interface BuildModelOptions {
  /** Corpus files or folders. */
  sources: string[];
  /** Writes the training text itself instead of reading `sources` (the WordNet glosses of the shipped model). */
  corpus?: (file: string) => Promise<CorpusStats>;
  /** Pull word vectors towards related words (WordNet) before weighting; off when absent. */
  retrofit?: RetrofitOptions & { name: string };
  /** Coverage files or folders: trained on, and every word of them kept in the vocabulary. */
  always?: string[];
  /** The model folder to write. */
  out: string;
  fasttext?: Omit<SkipgramOptions, 'input' | 'output'>;
  /** A fastText `.bin` trained earlier on the same text: skips training (for trying weighting choices). */
  reuseFasttext?: string;
  /** Copy the trained fastText `.bin` here. */
  keepFasttext?: string;
  /** @default 3 */
  minCount?: number;
  /** @default 60000 */
  maxWords?: number;
  /** Keep every coverage word in the vocabulary, however rare. @default true */
  keepCoverageWords?: boolean;
  /** A WordPiece tokenizer.json whose tokens are added to the vocabulary; null for none. */
  fallbackTokenizer?: string | null;
  /**
   * Which of its tokens: whole words only (a word outside the vocabulary then becomes [UNK], ignored), or also
   * `##` pieces (it is split into pieces with subword vectors, so a name unseen at build time still matches
   * itself between a question and a passage; measured equal on in-corpus retrieval). @default 'words+pieces'
   */
  fallbackKind?: 'words' | 'words+pieces';
  /**
   * "All-but-the-top" (Mu & Viswanath 2018): subtract the mean of these words' vectors from every word and remove
   * their top `components` directions. For WordNet, whose glosses are a third plants and animals: without it every
   * news sentence shares one "not biology" direction and they all look alike.
   */
  centre?: { words: readonly string[]; components: number };
  /** Lines of text in which to find the sentence common component; default: the training text. */
  componentSample?: readonly string[];
  /**
   * Tokens fastText has no vector for (trained without subwords) get a fixed pseudo-random one: no meaning, but a
   * name unseen at build time still matches itself between a question and a passage, like a hashed word feature.
   */
  randomUnseen?: boolean;
  /** Weight of each token's own random vector added after retrofitting (see addIdentity). @default 0 */
  identity?: number;
  /** SIF smoothing `a`. @default 1e-4 */
  sifA?: number;
  /** Common components removed. @default 1 */
  components?: number;
  /** Weight of fallback `##` pieces relative to an unseen word. @default 0.5 */
  pieceWeight?: number;
  variants?: 'float' | 'quantized' | 'both';
  /** Extra provenance for embedding.json (e.g. licences of the sources). */
  provenance?: Record<string, unknown>;
  log?: (msg: string) => void;
}

export interface BuildReport {
  out: string;
  vocabSize: number;
  dimensions: number;
  documents: number;
  tokens: number;
  seconds: Record<string, number>;
  files: Record<string, number>;
  vocab: string[];
  table: EmbeddingTable;
}

export async function buildModel(o: BuildModelOptions): Promise<BuildReport> {
  const log = o.log ?? (() => undefined);
  const work = await mkdtemp(path.join(tmpdir(), 'build-model-'));
  const seconds: Record<string, number> = {};
  let t = Date.now();
  const lap = (name: string) => {
    seconds[name] = (Date.now() - t) / 1000;
    t = Date.now();
    log(`${name}: ${seconds[name]!.toFixed(1)} s`);
  };
  try {
    const text = path.join(work, 'train.txt');
    const corpus = o.corpus ? await o.corpus(text) : await writeTrainingText({ sources: o.sources, always: o.always ?? [], out: text });
    log(`corpus: ${corpus.files.length} files, ${corpus.documents} documents, ${corpus.tokens} words, ${corpus.counts.size} distinct`);
    lap('corpus');
    const ft = { dim: 128, ...o.fasttext };
    const bin = o.reuseFasttext ?? path.join(work, 'ft.bin');
    if (!o.reuseFasttext) await trainSkipgram({ ...ft, input: text, output: path.join(work, 'ft') });
    if (o.keepFasttext && !o.reuseFasttext) await copyFile(bin, o.keepFasttext);
    lap('fasttext');
    const pieces = o.fallbackKind !== 'words';
    const fallback = o.fallbackTokenizer ? wordPieceTokens(o.fallbackTokenizer).filter((t) => pieces || !t.startsWith('##')) : [];
    const vocab = buildVocab({
      counts: corpus.counts,
      alwaysKeep: o.keepCoverageWords === false ? new Set() : corpus.alwaysKeep,
      minCount: o.minCount ?? 3,
      maxWords: o.maxWords ?? 60_000,
      fallback,
    });
    const dim = ft.dim;
    const lookup = vocab.slice(SPECIAL_TOKENS.length).map((w) => (w.startsWith('##') && w.length > 2 ? w.slice(2) : w));
    const vectors = await wordVectors(bin, lookup, dim);
    const table: EmbeddingTable = { vocabSize: vocab.length, dimensions: dim, data: new Float32Array(vocab.length * dim) };
    table.data.set(vectors, SPECIAL_TOKENS.length * dim);
    lap('vectors');
    if (o.randomUnseen) fillZeroRows(table, vocab);
    normalizeRows(table);
    const names = [...SPECIAL_TOKENS, ...lookup];
    if (o.centre) {
      const row = new Map(names.map((w, i) => [w, i]));
      centre(table, o.centre.words.flatMap((w) => (row.has(w) ? [row.get(w)!] : [])), o.centre.components);
      normalizeRows(table);
    }
    if (o.retrofit) {
      log(`retrofit: ${retrofit(names, table.data, dim, o.retrofit)} words moved`);
      normalizeRows(table);
      lap('retrofit');
    }
    if (o.identity) {
      addIdentity(table, vocab, o.identity);
      normalizeRows(table);
    }
    const weights = sifWeights(names, corpus.counts, { a: o.sifA ?? 1e-4, totalTokens: corpus.tokens, unseenWeight: 1 });
    vocab.forEach((w, i) => {
      if (w.startsWith('##')) weights[i] = (o.pieceWeight ?? 0.5) * weights[i]!;
      // Punctuation tokens (from the fallback vocabulary) were never trained: they would add the same noise to every text.
      if (!isWord(w)) weights[i] = 0;
    });
    scaleRows(table, weights);
    const ids = new Map(vocab.map((w, i) => [w, i]));
    const lines = o.componentSample ?? (await readFile(text, 'utf8')).split('\n');
    const step = Math.max(1, Math.floor(lines.length / 10_000));
    const sample = lines
      .filter((_, i) => i % step === 0)
      .map((l) => pool(table, l.split(' ').flatMap((w) => (ids.has(w) ? [ids.get(w)!] : []))));
    removeComponents(table, topComponents(sample, o.components ?? 1));
    setSpecialRows(table);
    lap('weights');
    const files = await writeStaticModel(o.out, {
      vocab,
      table,
      variants: o.variants ?? 'both',
      tokenizer: { maxLength: 512 },
      build: {
        tool: 'fasttext skipgram',
        fasttext: ft,
        corpora: corpus.files.map((f) => path.basename(f)),
        documents: corpus.documents,
        tokens: corpus.tokens,
        vocabulary: vocab.length,
        fallback: fallback.length > 0 ? (o.fallbackKind ?? 'words+pieces') : 'none',
        sifA: o.sifA ?? 1e-4,
        components: o.components ?? 1,
        ...(o.centre ? { centre: { words: o.centre.words.length, components: o.centre.components } } : {}),
        ...(o.componentSample ? { componentSample: `${o.componentSample.length} lines` } : {}),
        ...(o.randomUnseen ? { randomUnseen: true } : {}),
        ...(o.retrofit ? { retrofit: { lexicon: o.retrofit.name, iterations: o.retrofit.iterations ?? 10, alpha: o.retrofit.alpha ?? 1 } } : {}),
        ...(o.identity ? { identity: o.identity } : {}),
        ...o.provenance,
      },
    });
    lap('write');
    return { out: o.out, vocabSize: vocab.length, dimensions: dim, documents: corpus.documents, tokens: corpus.tokens, seconds, files, vocab, table };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** A fixed pseudo-random unit vector per token (FNV-1a of the token, then xorshift): the same on every machine. */
function tokenVector(token: string, d: number): Float32Array {
  let h = 2166136261;
  for (const ch of token) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619) >>> 0;
  const v = new Float32Array(d);
  for (let k = 0; k < d; k++) {
    h ^= h << 13;
    h ^= h >>> 17;
    h ^= h << 5;
    h >>>= 0;
    v[k] = h / 4294967296 - 0.5;
  }
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
}

function fillZeroRows(t: EmbeddingTable, vocab: readonly string[]): void {
  const d = t.dimensions;
  for (let r = SPECIAL_TOKENS.length; r < t.vocabSize; r++) {
    if (t.data.subarray(r * d, r * d + d).every((x) => x === 0)) t.data.set(tokenVector(vocab[r]!, d), r * d);
  }
}

/** Adds `weight` × the token's own random vector to every (unit) row: exact words match a little more. */
function addIdentity(t: EmbeddingTable, vocab: readonly string[], weight: number): void {
  const d = t.dimensions;
  for (let r = SPECIAL_TOKENS.length; r < t.vocabSize; r++) {
    const v = tokenVector(vocab[r]!, d);
    for (let k = 0; k < d; k++) t.data[r * d + k]! += weight * v[k]!;
  }
}

function centre(t: EmbeddingTable, rows: readonly number[], components: number): void {
  const d = t.dimensions;
  const mean = new Float64Array(d);
  for (const r of rows) for (let k = 0; k < d; k++) mean[k]! += t.data[r * d + k]! / rows.length;
  for (let r = SPECIAL_TOKENS.length; r < t.vocabSize; r++) for (let k = 0; k < d; k++) t.data[r * d + k]! -= mean[k]!;
  const sample = rows.map((r) => Float64Array.from(t.data.subarray(r * d, r * d + d)));
  removeComponents(t, topComponents(sample, components));
}

/**
 * [PAD] stays zero (masked anyway). [CLS]/[SEP]/[UNK]/[MASK] get a tiny fixed vector: negligible next to any
 * word, but a text of nothing but unknown tokens still pools to a non-zero, normalisable vector.
 */
function setSpecialRows(t: EmbeddingTable): void {
  const d = t.dimensions;
  for (let r = 1; r < SPECIAL_TOKENS.length; r++) for (let k = 0; k < d; k++) t.data[r * d + k] = (k === 0 ? 1e-4 : 0);
}
