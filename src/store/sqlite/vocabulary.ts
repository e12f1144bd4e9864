import { stemmer } from 'stemmer';
import type { Db } from './database.js';

/**
 * How many passages hold a word, read from the full-text index's own vocabulary. The FTS table stems with
 * Porter's algorithm, so words are looked up by their Porter stem; counts are cached, since the same words
 * recur from question to question.
 */
export class IndexVocabulary {
  private readonly cache = new Map<string, number>();
  private readonly lookup;
  private readonly prefixLookup;
  private readonly passages;

  constructor(db: Db) {
    this.lookup = db.prepare('SELECT doc FROM passages_vocab WHERE term = ?').pluck();
    this.prefixLookup = db.prepare("SELECT coalesce(sum(doc), 0) FROM passages_vocab WHERE term >= ? AND term < ? || char(1114111)").pluck();
    this.passages = db.prepare('SELECT count(*) FROM passages').pluck();
  }

  /**
   * Passages holding a folded word (0 when none). A word ending in "*" stands for every stored word it begins;
   * their counts are summed, at most the number of passages (one passage may hold several of them).
   */
  passagesWith(word: string): number {
    let n = this.cache.get(word);
    if (n === undefined) {
      const prefix = word.endsWith('*') ? word.slice(0, -1) : null;
      n = prefix
        ? Math.min(this.prefixLookup.get(prefix, prefix) as number, this.passages.get() as number)
        : ((this.lookup.get(stemmer(word)) as number | undefined) ?? 0);
      if (this.cache.size > 50_000) this.cache.clear();
      this.cache.set(word, n);
    }
    return n;
  }

  has(word: string): boolean {
    return this.passagesWith(word) > 0;
  }
}
