import { writeFileSync, mkdirSync } from 'node:fs';
import { buildModel } from './src/model/build.js';
import { nearestWords } from './src/model/neighbours.js';
const TOPICS = [
  ['missile', 'drone', 'rocket', 'army', 'troops', 'attack', 'strike', 'defence', 'border', 'soldiers', 'shelling', 'artillery'],
  ['bank', 'interest', 'rates', 'inflation', 'market', 'shares', 'profit', 'investors', 'bonds', 'currency', 'growth', 'earnings'],
  ['football', 'match', 'goal', 'league', 'coach', 'players', 'season', 'striker', 'stadium', 'cup', 'referee', 'fans'],
];
const FILLER = ['the', 'a', 'of', 'and', 'in', 'on', 'said', 'was', 'to', 'after'];
let s = 7;
const next = (n: number) => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
const out: string[] = [];
for (let i = 0; i < 1500; i++) {
  const topic = TOPICS[i % 3]!;
  const words = Array.from({ length: 14 }, (_, k) => (k % 3 === 2 ? FILLER[next(FILLER.length)]! : topic[next(topic.length)]!));
  out.push(JSON.stringify({ title: words.slice(0, 4).join(' '), text: words.join(' ') + '.' }));
}
mkdirSync('/tmp/dbg', { recursive: true });
writeFileSync('/tmp/dbg/c.jsonl', out.join('\n') + '\n');
for (const components of [0, 1]) {
const r = await buildModel({ sources: ['/tmp/dbg/c.jsonl'], out: '/tmp/dbg/m', fasttext: { dim: 48, epoch: 15, bucket: 20000, minn: 3, maxn: 5, thread: 1, seed: 1 }, minCount: 2, fallbackTokenizer: null, components });
console.log(components, r.vocab.slice(0, 20).join(' '));
for (const w of ['missile', 'bank', 'goal', 'the']) console.log(w, nearestWords(r.table, r.vocab, w, 5)?.map(x => x.word + ' ' + x.score.toFixed(2)).join(', '));
}
