import { LATIN_LANGUAGES, type LatinLanguage } from './latin-language.js';

/** English words that say a number or a share of one ("two", "thousands", "half"). */
const NUMBER_WORDS = new Set(
  ('one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen ' +
    'twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands million millions billion billions ' +
    'trillion dozen dozens half quarter third double triple').split(' '),
);

export function isNumberWord(word: string): boolean {
  return NUMBER_WORDS.has(word);
}

/**
 * Numbers written as words in German, French, Spanish, Italian and Portuguese text ("neunzehn", "quarante",
 * "duecento", "noventa"), compounds included. Not their words for one, which are their articles too, nor
 * Italian "sei" (you are).
 */
const LATIN_NUMBER_WORDS: Record<LatinLanguage, string[]> = {
  de: [
    'zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|(?:drei|vier|fünf|sech|sieb|acht|neun)zehn',
    '(?:zwan|drei|vier|fünf|sech|sieb|acht|neun)(?:zig|ßig)|(?:ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)?(?:hundert|tausend)',
  ],
  fr: ['deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingts?|trente|quarante|cinquante|soixante|cents?|mille'],
  es: [
    'dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce|quince|dieci(?:séis|seis|siete|ocho|nueve)|veinte|veinti\\p{L}+',
    'treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa|cien|ciento|(?:dos|tres|cuatro|seis|sete|ocho|nove)cientos|quinientos|mil',
  ],
  it: [
    'due|tre|quattro|cinque|sette|otto|nove|dieci|undici|dodici|tredici|quattordici|quindici|sedici|diciassette|diciotto|diciannove',
    'venti|trenta|quaranta|cinquanta|sessanta|settanta|ottanta|novanta|(?:due|tre|quattro|cinque|sei|sette|otto|nove)?cento',
    '(?:due|tre|quattro|cinque|sei|sette|otto|nove|dieci|venti|trenta|cinquanta|cento)mila',
  ],
  pt: [
    'dois|duas|três|quatro|cinco|seis|sete|oito|nove|dez|onze|doze|treze|catorze|quinze|dez(?:asseis|esseis|assete|essete|oito|anove|enove)',
    'vinte|trinta|quarenta|cinquenta|sessenta|setenta|oitenta|noventa|cem|cento|duzentos|trezentos|quinhentos|(?:quatro|seis|sete|oito|nove)centos|mil',
  ],
};
const LATIN_NUMBER_WORD = new Map(LATIN_LANGUAGES.map((l) => [l, new RegExp(`^(?:${LATIN_NUMBER_WORDS[l].join('|')})$`, 'u')]));

/** Whether a lower-case word of text in the language says a number. */
export function isLatinNumberWord(word: string, language: LatinLanguage): boolean {
  return LATIN_NUMBER_WORD.get(language)!.test(word);
}

/** Units news writes solid with their number ("400m", "5km", "£3bn"), as a regular expression's alternatives. */
export const SOLID_UNITS = 'km|m|cm|mm|kg|mg|g|mph|ft|lb|lbs|bn|mn|min|h';
