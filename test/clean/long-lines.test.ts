/** Huge lines cost what a few ordinary lines cost: they are cut for the shape rules and counted lazily. */
import { describe, expect, it } from 'vitest';
import { hasMoreWordsThan, isProse, MAX_LINE_CHARS, shapeSample, toLines, wordsOf } from '../../src/clean/lines.js';
import { seededRandom } from '../../src/util/random.js';
import { cutAtSpaces } from '../../src/text/cut-at-spaces.js';
import { sentenceFingerprints } from '../../src/text/fingerprint.js';

const PROSE = 'the council voted on Monday to fund a new flood barrier at the mouth of the harbor, officials said';
/** Prose words in a seeded random order, without a sentence break. */
const run = (chars: number) => {
  const words = PROSE.split(' ');
  const random = seededRandom(chars);
  const out: string[] = [];
  for (let n = 0; n < chars; ) {
    out.push(words[Math.floor(random() * words.length)]!);
    n += out.at(-1)!.length + 1;
  }
  return out.join(' ');
};

describe('cutAtSpaces', () => {
  it('keeps short text whole and cuts long text at spaces into pieces within the limit', () => {
    expect(cutAtSpaces('a b c', 10)).toEqual(['a b c']);
    const text = run(5_000);
    const pieces = cutAtSpaces(text, 300);
    expect(pieces.every((p) => p.length <= 300)).toBe(true);
    expect(pieces.slice(0, -1).every((p) => p.length > 280)).toBe(true);
    expect(pieces.join(' ')).toBe(text);
  });

  it('cuts a run without spaces at the limit, losing nothing', () => {
    expect(cutAtSpaces('x'.repeat(25), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
    expect(cutAtSpaces(`${'x'.repeat(12)} yy`, 10)).toEqual(['x'.repeat(10), 'xx yy']);
  });
});

describe('line shape on huge lines', () => {
  it('toLines cuts a line longer than MAX_LINE_CHARS and keeps every word', () => {
    const text = run(3 * MAX_LINE_CHARS);
    const lines = toLines(`Headline here\n\n${text}\n`);
    expect(lines.length).toBeGreaterThanOrEqual(4);
    expect(lines.every((l) => l.length <= MAX_LINE_CHARS)).toBe(true);
    expect(lines.slice(1).join(' ')).toBe(text);
  });

  it('hasMoreWordsThan agrees with counting every word', () => {
    const random = seededRandom(7);
    const tokens = ['word', '—', '12', 'x-ray', '...', 'naïve', '"quoted"', '·'];
    for (let trial = 0; trial < 300; trial++) {
      const line = Array.from({ length: Math.floor(random() * 12) }, () => tokens[Math.floor(random() * tokens.length)]).join(' ');
      const n = Math.floor(random() * 8);
      expect(hasMoreWordsThan(line, n), `${line} / ${n}`).toBe(wordsOf(line).length > n);
    }
  });

  it('wordsOf keeps the tokens that hold a letter or digit, as written', () => {
    expect(wordsOf('— The “flood” barrier, 2025 ... x-ray')).toEqual(['The', '“flood”', 'barrier,', '2025', 'x-ray']);
  });

  it('judges a long line on a sample that ends at a space, and still as prose', () => {
    const line = run(9_000);
    const sample = shapeSample(line);
    expect(sample.length).toBeLessThanOrEqual(2_000);
    expect(line.startsWith(`${sample} `)).toBe(true);
    expect(isProse(line)).toBe(true);
    expect(isProse(`${'zq '.repeat(3000)}end.`)).toBe(false);
  });
});

describe('fingerprints of a run without sentence breaks', () => {
  it('hashes it in pieces, the same way in every copy', () => {
    const text = run(20_000);
    const fingerprints = sentenceFingerprints(text);
    expect(fingerprints.length).toBeGreaterThanOrEqual(20);
    expect(sentenceFingerprints(`${text}`)).toEqual(fingerprints);
    // A copy with more text after the run shares every piece's hash.
    expect(sentenceFingerprints(`${text}\n\nA later paragraph adds a sentence of its own here.`)).toEqual(expect.arrayContaining(fingerprints));
  });
});
