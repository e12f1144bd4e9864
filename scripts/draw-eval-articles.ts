// Draws a seeded sample of article ids per category for hand-writing eval questions.
// Usage: npx tsx scripts/draw-eval-articles.ts [--seed N] [--per-category N] [--corpus FILE] [--from N --count N] [--min-chars N]
// --from/--count take the corpus's lines from..from+count (the held-out Reuters set's slice); --min-chars skips
// short items (Reuters' one-line earnings tables). A corpus without categories is one pool, "all".
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { seededRandom } from '../src/util/random.js';

type Article = { id: string; category?: string; title: string; text: string };

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '20261130' },
    'per-category': { type: 'string', default: '11' },
    corpus: { type: 'string', default: path.resolve('../shared/corpora/bbc-news/bbc-news.jsonl') },
    from: { type: 'string', default: '0' },
    count: { type: 'string' },
    'min-chars': { type: 'string', default: '0' },
  },
});

const from = Number(values.from);
const lines = readFileSync(values.corpus, 'utf8').split('\n').filter((line) => line.trim() !== '');
const articles: Article[] = lines.slice(from, values.count === undefined ? undefined : from + Number(values.count)).map((line) => JSON.parse(line) as Article);
const categoryOf = (a: Article) => a.category ?? 'all';

// Duplicates in this corpus differ at most in spacing, so whitespace-normalised text is the key.
const norm = (text: string) => text.replace(/\s+/g, ' ').trim();
const byText = new Map<string, string[]>();
for (const a of articles) byText.set(norm(a.text), [...(byText.get(norm(a.text)) ?? []), a.id]);

// One stream for all categories: a different --per-category also changes later categories' draws (eval/bbc-qa.json used 11).
const random = seededRandom(Number(values.seed));
const perCategory = Number(values['per-category']);
const categories = [...new Set(articles.map(categoryOf))].sort();

for (const category of categories) {
  // Sort before shuffling so the draw does not depend on line order in the file.
  const pool = articles
    .filter((a) => categoryOf(a) === category && a.text.length >= Number(values['min-chars']))
    .sort((x, y) => x.id.localeCompare(y.id));
  // Partial Fisher-Yates: the first perCategory slots become a uniform sample without replacement.
  for (let i = 0; i < Math.min(perCategory, pool.length); i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  console.log(`\n${category}`);
  for (const a of pool.slice(0, perCategory)) {
    const dups = byText.get(norm(a.text))!.filter((id) => id !== a.id);
    const words = a.text.split(/\s+/).length;
    console.log(`  ${a.id}  ${a.title}  (${words} words)${dups.length ? `  duplicates: ${dups.join(', ')}` : ''}`);
  }
}
