/**
 * Boilerplate seen across pages. Reading is per file, so the reader cannot use this; the indexer
 * (or a later pass) can, once it holds the lines of a whole batch from one site.
 */
import { hasMoreWordsThan } from './lines.js';

/** Short lines are menu items, buttons and slogans; long ones that repeat are syndicated copy, not chrome. */
const MAX_WORDS = 12;

/** Short lines found in at least `minPages` different pages of `pages` (each page given as its lines). */
export function repeatedShortLines(pages: readonly (readonly string[])[], minPages = 3): Set<string> {
  const seenIn = new Map<string, number>();
  for (const page of pages) {
    for (const line of new Set(page)) {
      if (hasMoreWordsThan(line, MAX_WORDS)) continue;
      seenIn.set(line, (seenIn.get(line) ?? 0) + 1);
    }
  }
  return new Set([...seenIn].filter(([, n]) => n >= minPages).map(([line]) => line));
}
