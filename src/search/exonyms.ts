/**
 * Places whose English names are not transliterations of their Ukrainian or Russian ones, keyed by the
 * stem every case form starts with ("Польща", "Польщу", "Польши" → poland). Personal names need no
 * table: transliteration already gets them close enough (see fold.ts).
 */
const EXONYM_STEMS: [string[], string][] = [
  [['польщ', 'польш'], 'poland'], [['варшав'], 'warsaw'], [['україн', 'украин'], 'ukraine'],
  [['росі', 'росси', 'россі'], 'russia'], [['румуні', 'румыни'], 'romania'], [['бухарест'], 'bucharest'],
  [['київ', 'києв', 'киев'], 'kyiv'], [['москв'], 'moscow'], [['німеччин', 'германи'], 'germany'],
  [['ізраїл', 'израил'], 'israel'], [['білорус', 'беларус', 'белорус'], 'belarus'], [['крим', 'крым'], 'crimea'],
  [['франці', 'франци'], 'france'], [['британі', 'британи'], 'britain'], [['америк'], 'america'], [['сша'], 'usa'],
  [['кита'], 'china'], [['туреччин', 'турци'], 'turkey'], [['литв'], 'lithuania'], [['латві', 'латви'], 'latvia'],
  [['естоні', 'эстони'], 'estonia'], [['харків', 'харьков'], 'kharkiv'], [['одес'], 'odesa'], [['херсон'], 'kherson'],
  [['запоріж', 'запорож'], 'zaporizhzhia'], [['донецьк', 'донецк'], 'donetsk'], [['європ', 'европ'], 'europe'],
  [['нато'], 'nato'], [['оон'], 'un'], [['єс', 'евросоюз'], 'eu'],
];

/** The English name of a place written in Cyrillic (any case form), or null. */
export function englishExonym(word: string): string | null {
  const lower = word.toLowerCase();
  for (const [stems, english] of EXONYM_STEMS) {
    if (stems.some((stem) => lower.startsWith(stem) && lower.length <= stem.length + 4)) return english;
  }
  return null;
}
