import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadEmbedder } from '../../src/embed/transformers-embedder.js';
import { buildModel } from '../../src/model/build.js';
import { fasttextAvailable } from '../../src/model/fasttext.js';

const TOPICS = [
  ['missile', 'drone', 'rocket', 'army', 'troops', 'attack', 'strike', 'defence', 'border', 'soldiers', 'shelling', 'artillery'],
  ['bank', 'interest', 'rates', 'inflation', 'market', 'shares', 'profit', 'investors', 'bonds', 'currency', 'growth', 'earnings'],
  ['football', 'match', 'goal', 'league', 'coach', 'players', 'season', 'striker', 'stadium', 'cup', 'referee', 'fans'],
];
const FILLER = ['the', 'a', 'of', 'and', 'in', 'on', 'said', 'was', 'to', 'after'];

/** A deterministic text in which words of one topic keep company: enough for skip-gram to separate topics. */
function smallCorpus(lines: number): string {
  let s = 7;
  const next = (n: number) => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    const topic = TOPICS[i % TOPICS.length]!;
    const words = Array.from({ length: 14 }, (_, k) => (k % 3 === 2 ? FILLER[next(FILLER.length)]! : topic[next(topic.length)]!));
    out.push(JSON.stringify({ title: words.slice(0, 4).join(' '), text: words.join(' ') + '.' }));
  }
  return out.join('\n') + '\n';
}

const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);
const dir = mkdtempSync(path.join(tmpdir(), 'build-model-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!fasttextAvailable())('buildModel (needs `fasttext` on PATH; scripts/setup-model-tools.sh installs it)', () => {
  it('builds a small model in seconds that transformers.js loads offline and that ranks related text first', async () => {
    writeFileSync(path.join(dir, 'corpus.jsonl'), smallCorpus(1500));
    writeFileSync(path.join(dir, 'coverage.txt'), 'Ukraine shot down a drone near the border, the army said.');
    const out = path.join(dir, 'models', 'local', 'news-embed');
    const started = Date.now();
    const report = await buildModel({
      sources: [path.join(dir, 'corpus.jsonl')],
      always: [path.join(dir, 'coverage.txt')],
      out,
      fasttext: { dim: 48, epoch: 15, bucket: 20_000, minn: 3, maxn: 5, thread: 1, seed: 1, t: 1e-3 },
      sifA: 1e-3,
      minCount: 2,
      fallbackTokenizer: null,
    });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(report.dimensions).toBe(48);
    expect(report.vocab).toContain('ukraine');
    const card = JSON.parse(readFileSync(path.join(out, 'embedding.json'), 'utf8')) as { dimensions: number; pooling: string };
    expect(card).toMatchObject({ dimensions: 48, pooling: 'mean' });

    for (const quantized of [true, false]) {
      const e = await loadEmbedder({ model: 'local/news-embed', modelsDir: path.join(dir, 'models'), allowRemote: false, quantized });
      expect(e.info.dimensions).toBe(48);
      const q = await e.embedQuery('drone and rocket strike on troops');
      const [war, money, sport] = await e.embedPassages([
        'The army said artillery shelling was on soldiers at the border.',
        'Investors and bonds as inflation and interest rates said growth.',
        'The striker and a goal and the fans in the stadium.',
      ]);
      for (const v of [q, war!, money!, sport!]) {
        expect(v.length).toBe(48);
        expect(Math.sqrt(dot(v, v))).toBeCloseTo(1, 4);
      }
      expect(dot(q, war!)).toBeGreaterThan(dot(q, money!));
      expect(dot(q, war!)).toBeGreaterThan(dot(q, sport!));
      // A word seen only in the coverage still has its own token.
      const [ukraine] = await e.embedPassages(['Ukraine']);
      expect(Number.isFinite(ukraine![0])).toBe(true);
      await e.dispose();
    }
  }, 60_000);

  it('is deterministic: the same text and seed give byte-identical model files', async () => {
    const build = async (name: string) => {
      const out = path.join(dir, name);
      await buildModel({
        sources: [path.join(dir, 'corpus.jsonl')],
        out,
        fasttext: { dim: 16, epoch: 3, bucket: 5_000, thread: 1, seed: 3 },
        minCount: 2,
        fallbackTokenizer: null,
      });
      return ['onnx/model.onnx', 'onnx/model_quantized.onnx', 'tokenizer.json'].map((f) => readFileSync(path.join(out, f)).toString('base64'));
    };
    writeFileSync(path.join(dir, 'corpus.jsonl'), smallCorpus(300));
    expect(await build('one')).toEqual(await build('two'));
  }, 60_000);
});
