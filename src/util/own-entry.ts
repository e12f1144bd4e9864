/**
 * A record's own entry for a key, never one inherited from Object.prototype: questions are made of words, and
 * "constructor" is a word.
 */
export function ownEntry<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
