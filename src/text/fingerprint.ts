import { createHash } from 'node:crypto';
import { foldedWords } from './fold.js';
import { splitSentences } from './sentences.js';
import { cutAtSpaces } from './cut-at-spaces.js';

function hash64(text: string): bigint {
  return createHash('sha1').update(text).digest().readBigUInt64BE(0);
}

/**
 * Longest sentence hashed whole. A longer one is a run without sentence breaks: it is hashed in pieces,
 * so folding it never holds a megabyte of words at once, and two copies still cut it the same way.
 */
const MAX_SENTENCE_CHARS = 1_000;

/** Hashes of an article's sentences of six words or more: two saved copies of one article share most. */
export function sentenceFingerprints(text: string): string[] {
  const hashes = new Set<string>();
  for (const s of splitSentences(text)) {
    for (const piece of cutAtSpaces(text.slice(s.start, s.end), MAX_SENTENCE_CHARS)) {
      const words = foldedWords(piece);
      if (words.length >= 6) hashes.add(hash64(words.join(' ')).toString(16));
    }
  }
  return [...hashes];
}

/** 32-bit FNV-1a; two seeds give the 64 bits a simhash needs without BigInt work per shingle. */
function fnv1a(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Charikar simhash over word 3-shingles: near-identical passages differ in a few bits. */
export function simhash(text: string): bigint {
  return simhashOfWords(foldedWords(text));
}

/** The simhash of text already split into folded words (the indexer folds each passage once). */
export function simhashOfWords(words: readonly string[]): bigint {
  const counts = new Int32Array(64);
  const shingles = words.length < 3 ? [words.join(' ')] : words.slice(2).map((_, i) => `${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  for (const shingle of shingles) {
    const lo = fnv1a(shingle, 0x811c9dc5);
    const hi = fnv1a(shingle, 0x050c5d1f);
    for (let bit = 0; bit < 32; bit++) {
      counts[bit]! += (lo >>> bit) & 1 ? 1 : -1;
      counts[bit + 32]! += (hi >>> bit) & 1 ? 1 : -1;
    }
  }
  let lo = 0;
  let hi = 0;
  for (let bit = 0; bit < 32; bit++) {
    if (counts[bit]! > 0) lo |= 1 << bit;
    if (counts[bit + 32]! > 0) hi |= 1 << bit;
  }
  return (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
}

/** The four 16-bit bands of a simhash, tagged with their position so equal bits in other positions don't collide. */
export function simhashBands(hash: bigint): number[] {
  return [0, 1, 2, 3].map((i) => i * 65536 + Number((hash >> BigInt(i * 16)) & 0xffffn));
}

export function hammingDistance(a: bigint, b: bigint): number {
  let x = a ^ b;
  let n = 0;
  for (; x; n++) x &= x - 1n;
  return n;
}

/** Share of the smaller set found in the larger: 1 when one copy contains the other. */
export function containment(a: string[], b: Set<string>): number {
  if (a.length === 0 || b.size === 0) return 0;
  const shared = a.filter((h) => b.has(h)).length;
  return shared / Math.min(a.length, b.size);
}
