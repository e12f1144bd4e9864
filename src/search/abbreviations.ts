/**
 * Newswire abbreviations of a question's words: wire copy writes "mln", "dlrs", "pct", "qtr", "govt" where a
 * person types "million", "dollars", "percent", "quarter", "government". Such an abbreviation keeps the word's
 * first letter and its last consonant, with at most two of the consonants between, and drops every vowel.
 * No list of abbreviations: the candidates are the few strings of that shape, and only those the index holds
 * (and that are not words in their own right) count.
 */

const VOWELS = /[aeiouy]/;
const MIN_WORD_LENGTH = 5;
const MAX_INNER = 2;

/** Every string of that shape for a plain lower-case word, shortest first; [] for short or non-ASCII words. */
export function abbreviationCandidates(word: string): string[] {
  if (word.length < MIN_WORD_LENGTH || !/^[a-z]+$/.test(word)) return [];
  const consonantsAt = [...word].flatMap((c, i) => (i > 0 && !VOWELS.test(c) ? [i] : []));
  const last = consonantsAt.at(-1);
  if (last === undefined) return [];
  const inner = consonantsAt.slice(0, -1).map((i) => word[i]!);
  const out = new Set<string>();
  const pick = (from: number, chosen: string): void => {
    const candidate = `${word[0]}${chosen}${word[last]}`;
    if (candidate.length >= 3) out.add(candidate);
    if (chosen.length === MAX_INNER) return;
    for (let i = from; i < inner.length; i++) pick(i + 1, chosen + inner[i]);
  };
  pick(0, '');
  return [...out].sort((a, b) => a.length - b.length || a.localeCompare(b));
}

/** Number words as an initialism writes them, by digit ("second generation" → "2G"). */
const DIGIT_OF_WORD = new Map(
  ['one two three four five six seven eight nine', 'first second third fourth fifth sixth seventh eighth ninth'].flatMap((list) =>
    list.split(' ').map((word, i) => [word, String(i + 1)] as const),
  ),
);
/** Fewer letters than this, and no digit, make too many chance matches ("sm", "ba"). */
const MIN_INITIALISM = 3;

/**
 * What a run of words is abbreviated to by their initials, a number word as its digit ("general packet radio
 * service" → "gprs", "second generation" → "2g"); null when too short to tell from chance.
 */
export function initialism(words: string[]): string | null {
  if (words.length < 2 || !words.every((w) => /^[a-z]+$/.test(w))) return null;
  const letters = words.map((w) => DIGIT_OF_WORD.get(w) ?? w[0]!).join('');
  return /\d/.test(letters) || letters.length >= MIN_INITIALISM ? letters : null;
}
