/** English words that say a number or a share of one ("two", "thousands", "half"). */
const NUMBER_WORDS = new Set(
  ('one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen ' +
    'twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands million millions billion billions ' +
    'trillion dozen dozens half quarter third double triple').split(' '),
);

export function isNumberWord(word: string): boolean {
  return NUMBER_WORDS.has(word);
}
