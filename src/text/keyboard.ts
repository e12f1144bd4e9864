/** The letters of a QWERTY keyboard by row, and each letter's neighbours: the keys a finger strikes instead, or as well. */
const KEY_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/** The Latin letters, a to z. */
export const LETTERS = [...KEY_ROWS.join('')].sort().join('');

const NEIGHBOURS = new Map<string, string>();
KEY_ROWS.forEach((row, r) => {
  [...row].forEach((key, c) => {
    // Each row sits half a key right of the one above: its neighbours above are the same column and the next.
    const near = [row[c - 1], row[c + 1], KEY_ROWS[r - 1]?.[c], KEY_ROWS[r - 1]?.[c + 1], KEY_ROWS[r + 1]?.[c], KEY_ROWS[r + 1]?.[c - 1]];
    NEIGHBOURS.set(key, near.filter((k): k is string => k !== undefined).join(''));
  });
});

/** The keys next to a letter's ("s": "adwezx"); empty for anything else. */
export const neighboursOf = (letter: string): string => NEIGHBOURS.get(letter) ?? '';

/** Whether two letters are one key or neighbouring keys. */
export const nextTo = (a: string | undefined, b: string): boolean => a !== undefined && (a === b || neighboursOf(a).includes(b));
