import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';

export type Pos = 'n' | 'v' | 'a' | 'r';
export const POS_FILE: Record<Pos, string> = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };

export interface Pointer {
  symbol: string;
  offset: number;
  /** Satellites ('s') are folded into 'a': they live in data.adj. */
  pos: Pos;
  /** 1-based word numbers; 0 means the whole synset (a semantic pointer). */
  source: number;
  target: number;
}

export interface Synset {
  offset: number;
  pos: Pos;
  /** The lexicographer file it belongs to (18 is noun.person). */
  lexFile: number;
  /** Lower-case lemmas with underscores, adjective markers like "(p)" removed. */
  words: string[];
  pointers: Pointer[];
}

export const toPos = (letter: string): Pos => (letter === 's' ? 'a' : (letter as Pos));
export const cleanLemma = (word: string): string => word.replace(/\([a-z]+\)$/, '').toLowerCase();
/** A word or collocation as the index files write it: lower case, words joined by underscores. */
export const normalize = (word: string): string => word.trim().toLowerCase().replace(/[\s_]+/g, '_');

/** The lexicographer files of nouns the lookups use (a synset's lex_filenum). */
export const NOUN_LOCATION = 15;
export const NOUN_PERSON = 18;
export const NOUN_POSSESSION = 21;
export const NOUN_QUANTITY = 23;

/**
 * One index.<pos> file, kept as a buffer and binary-searched: lines are sorted bytewise by lemma and
 * lemmas contain no byte below the space that ends them, so no Map of 150k entries is needed.
 */
export class LemmaIndex {
  private readonly buf: Buffer;
  private readonly starts: number[] = [];

  constructor(path: string) {
    this.buf = readFileSync(path);
    // The licence header lines start with two spaces and sort before every lemma; skip them.
    for (let at = 0; at < this.buf.length; ) {
      const end = this.buf.indexOf(10, at);
      if (this.buf[at] !== 32) this.starts.push(at);
      at = end < 0 ? this.buf.length : end + 1;
    }
  }

  /** Synset offsets of a lemma (underscored, lower-case), most frequent sense first; [] when absent. */
  offsets(lemma: string): number[] {
    const key = Buffer.from(lemma, 'utf8');
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const cmp = this.compare(key, this.starts[mid]!);
      if (cmp === 0) return this.parse(this.starts[mid]!);
      if (cmp < 0) hi = mid - 1;
      else lo = mid + 1;
    }
    return [];
  }

  private compare(key: Buffer, start: number): number {
    for (let i = 0; ; i++) {
      const a = i < key.length ? key[i]! : 32;
      const b = this.buf[start + i]!;
      if (a !== b) return a - b;
      if (a === 32) return 0;
    }
  }

  private parse(start: number): number[] {
    const end = this.buf.indexOf(10, start);
    const fields = this.buf.toString('utf8', start, end < 0 ? undefined : end).trim().split(' ');
    // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
    const synsetCount = Number(fields[2]);
    return fields.slice(fields.length - synsetCount).map(Number);
  }
}

/** One data.<pos> file, read a line at a time at the byte offsets the index gives. */
export class DataFile {
  private readonly fd: number;
  private readonly cache = new Map<number, Synset>();

  constructor(dir: string, readonly pos: Pos) {
    this.fd = openSync(join(dir, `data.${POS_FILE[pos]}`), 'r');
  }

  synset(offset: number): Synset {
    let synset = this.cache.get(offset);
    if (!synset) {
      synset = parseSynset(this.readLine(offset));
      this.cache.set(offset, synset);
    }
    return synset;
  }

  /**
   * Whether a synset, or one up to `hops` hypernyms above it, is what `is` looks for; through instance
   * hypernyms too when asked ("Norway" is an instance of a European country, a kind of country).
   */
  isUnder(offset: number, hops: number, is: (s: Synset) => boolean, withInstances = false): boolean {
    const s = this.synset(offset);
    if (is(s)) return true;
    const up = (p: Pointer) => p.symbol === '@' || (withInstances && p.symbol === '@i');
    return hops > 0 && s.pointers.some((p) => up(p) && this.isUnder(p.offset, hops - 1, is, withInstances));
  }

  close(): void {
    closeSync(this.fd);
  }

  private readLine(offset: number): string {
    // Most lines fit in 1 KB; a few (synsets with hundreds of hyponyms) need the loop.
    let buf = Buffer.alloc(1024);
    let filled = 0;
    for (;;) {
      const read = readSync(this.fd, buf, filled, buf.length - filled, offset + filled);
      const newline = buf.indexOf(10, filled);
      filled += read;
      if (newline >= 0 && newline < filled) return buf.toString('utf8', 0, newline);
      if (read === 0) return buf.toString('utf8', 0, filled);
      if (filled === buf.length) buf = Buffer.concat([buf, Buffer.alloc(buf.length)]);
    }
  }
}

/** Parses "offset lex_filenum ss_type w_cnt word lex_id ... p_cnt ptr... | gloss". */
export function parseSynset(line: string): Synset {
  const bar = line.indexOf(' | ');
  const f = (bar < 0 ? line : line.slice(0, bar)).split(' ');
  const wordCount = parseInt(f[3]!, 16);
  const words: string[] = [];
  let i = 4;
  for (let w = 0; w < wordCount; w++, i += 2) words.push(cleanLemma(f[i]!));
  const pointerCount = Number(f[i++]);
  const pointers: Pointer[] = [];
  for (let p = 0; p < pointerCount; p++, i += 4) {
    const st = f[i + 3]!;
    pointers.push({
      symbol: f[i]!,
      offset: Number(f[i + 1]),
      pos: toPos(f[i + 2]!),
      source: parseInt(st.slice(0, 2), 16),
      target: parseInt(st.slice(2), 16),
    });
  }
  return { offset: Number(f[0]), pos: toPos(f[2]!), lexFile: Number(f[1]), words, pointers };
}
