/** Quotes for quote-lookup tests, taken from the index at run time rather than written into the tests. */
import type { CoverageService } from '../../src/coverage.js';

/** A sentence no article holds. */
export const MADE_UP = 'The lighthouse keeper painted seventeen violet giraffes on the harbour wall last Tuesday.';

/** Sentences of 8+ words from two different indexed articles, each found verbatim by cite. */
export async function twoIndexedSentences(coverage: CoverageService): Promise<string[]> {
  const out: string[] = [];
  for (const s of await coverage.sources()) {
    if (out.length === 2) break;
    for (const p of await coverage.passagesOf(s.id)) {
      const sentence = p.text.split(/(?<=[.!?])\s+/).map((x) => x.trim()).find((x) => {
        const n = x.split(/\s+/).length;
        return n >= 8 && n <= 30 && !/["“”«»\n]/.test(x) && /[.!?]$/.test(x);
      });
      if (!sentence) continue;
      const lookup = await coverage.cite(sentence);
      if (lookup.matches[0]?.exact && lookup.matches[0].documentId === s.id) {
        out.push(sentence);
        break;
      }
    }
  }
  if (out.length < 2) throw new Error('seed coverage: no two sentences found verbatim');
  return out;
}
