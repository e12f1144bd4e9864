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
 * Spanish "dos" (Portuguese for "of the") or Italian "sei" (you are).
 */
const LATIN_NUMBER_WORD = new RegExp(
  '^(?:' +
    [
      'zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|(?:drei|vier|fünf|sech|sieb|acht|neun)zehn',
      '(?:zwan|drei|vier|fünf|sech|sieb|acht|neun)(?:zig|ßig)|(?:ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)?(?:hundert|tausend)',
      'deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingts?|trente|quarante|cinquante|soixante|cents?|mille',
      'tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce|quince|dieci(?:séis|seis|siete|ocho|nueve)|veinte|veinti\\p{L}+',
      'treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa|cien|ciento|(?:dos|tres|cuatro|seis|sete|ocho|nove)cientos|quinientos|mil',
      'due|tre|quattro|cinque|sette|otto|nove|dieci|undici|dodici|tredici|quattordici|quindici|sedici|diciassette|diciotto|diciannove',
      'venti|trenta|quaranta|cinquanta|sessanta|settanta|ottanta|novanta|(?:due|tre|quattro|cinque|sei|sette|otto|nove)?cento',
      '(?:due|tre|quattro|cinque|sei|sette|otto|nove|dieci|venti|trenta|cinquanta|cento)mila',
      'dois|duas|três|sete|oito|dez|doze|treze|dez(?:asseis|esseis|assete|essete|oito|anove|enove)|vinte|trinta|quarenta|cinquenta',
      'sessenta|oitenta|cem|duzentos|trezentos|quinhentos|(?:quatro|seis|sete|oito|nove)centos',
    ].join('|') +
    ')$',
  'u',
);

/** Whether a lower-case word of German, French, Spanish, Italian or Portuguese text says a number. */
export function isLatinNumberWord(word: string): boolean {
  return LATIN_NUMBER_WORD.test(word);
}
