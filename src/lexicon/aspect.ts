/**
 * Russian verbs come in pairs: the dictionary lists the imperfective ("открывать", "решать", "создавать"), while
 * questions about news mostly use the perfective, in the past ("открыл", "решил", "создал"). Which verbs are
 * perfective comes from Apertium's Russian analyser, at build time (lexicon/ru-en/perfective.txt); the stems
 * their imperfective partners may have come from the regular ways Russian forms them, most likely first, and
 * glossary.ts keeps those the dictionary has as verbs.
 */

import { lemmaOf, units } from './ukrainian-bridge.js';

// Consonants that change before the imperfective's -ать/-ять/-ивать ("запретить" → "запрещать", "объявить" →
// "объявлять", "заплатить" → "заплачивать").
const ALTERNATIONS: [RegExp, string[]][] = [
  // "предложить" → "предлагать", and every other -ложить.
  [/лож$/u, ['лаг']],
  [/ст$/u, ['щ']],
  [/т$/u, ['щ', 'ч']],
  [/д$/u, ['жд', 'ж']],
  [/с$/u, ['ш']],
  [/з$/u, ['ж']],
  [/([бвмпф])$/u, ['$1л']],
];

// Prefixes that only make a verb perfective ("построить" of "строить", "прочитать" of "читать"): a last resort,
// since most prefixes also change the meaning. A verb known to be perfective may have a few more
// ("увидеть" of "видеть", "сделать" of "делать").
const EMPTY_PREFIXES = ['по', 'за', 'про'];
const PERFECTIVE_PREFIXES = [...EMPTY_PREFIXES, 'у', 'с', 'на'];

const INFINITIVE = /(?:ть|ться|ти|чь)$/u;

/** The Russian infinitives among words (a dictionary's translations, the Ukrainian bridge's lemmas). */
export function infinitives(words: Iterable<string>): string[] {
  return [...new Set([...words].filter((w) => INFINITIVE.test(w)))].sort();
}

/**
 * The perfective ones among infinitives, by Apertium's Russian analyser (`^решить/решить<vblex><perf>…$`): a
 * stem of one ("реш") marks a question's word as perfective, whose partner then carries the meaning. "Стоить"
 * is imperfective, so "стоила" is never read as "стоять".
 */
export function perfectiveInfinitives(analysed: string[]): string[] {
  const perfective = units(analysed).filter(([surface, ...analyses]) =>
    analyses.some((a) => lemmaOf(a) === surface && a.includes('<vblex>') && a.includes('<perf>')),
  );
  return [...new Set(perfective.map(([surface]) => surface!))].sort();
}

/**
 * Stems of the imperfective partners a perfective verb's stem may have: by suffix ("созда" → "создава"; the
 * vowel the word has after its stem is the suffix's: "открыл" → "открывать", "убил" → "убивать"), then by the
 * -ить → -ать/-ять change ("реш" → "реша").
 */
export function imperfectiveStems(stem: string, word: string): string[] {
  const suffixes = word[stem.length] === 'и' ? ['ива', 'ыва'] : ['ыва', 'ива'];
  const out = [`${stem}ва`, ...suffixes.map((s) => stem + s)];
  // A root of two letters is too short to say which verb it is ("упа" of "упасть" is no "упиваться").
  if (stem.endsWith('а') && stem.length > 3) {
    const root = stem.slice(0, -1);
    // "заработать" → "зарабатывать": the root's last о becomes а.
    const opened = root.replace(/о([^аеиоуыэюяё]*)$/u, 'а$1');
    out.push(`${root}ыва`, `${root}ива`, `${opened}ыва`, `${opened}ива`);
  }
  // -нять → -нимать ("принять", "принимать"; "снял" → "снимать"), -чать → -чинать ("начать", "начинать").
  const nya = stem.replace(/(?<=н)ял$/u, 'я');
  if (/ня$/u.test(nya)) out.push(`${nya.slice(0, -2)}нима`);
  if (/ча$/u.test(stem)) out.push(`${stem.slice(0, -1)}ина`);
  // The past of a compound of "идти" ("пришли", "нашёл") goes with "-ходить" ("приходить", "находить").
  const walked = /^(\p{L}*?)(?:шел|шёл|шла|шло|шли)$/u.exec(word);
  if (walked) out.push(`${walked[1]}ход`);
  // A verb in -нуть has its imperfective in -ать ("погибнуть", "погибать"), and its past has no -ну- ("погибли").
  if (/[^аеиоуыэюяё]нут$/u.test(stem)) out.push(`${stem.slice(0, -3)}а`);
  if (/[^аеиоуыэюяё]л$/u.test(stem)) out.push(`${stem.slice(0, -1)}а`);
  for (const [pattern, replacements] of ALTERNATIONS) {
    if (pattern.test(stem)) for (const r of replacements) out.push(...['а', 'я', 'ива'].map((ending) => stem.replace(pattern, r) + ending));
  }
  out.push(`${stem}а`, `${stem}я`);
  return [...new Set(out)];
}

/**
 * The few pairs no pattern forms whose perfective the dictionary misses or misreads, by the perfective's stem:
 * "купить" is bought with "покупать" (not "купать", bathe), "стать" becomes "становиться" (not "сталь", steel).
 */
const IRREGULAR_PARTNERS: Record<string, string> = { куп: 'покупа', стал: 'станов', стат: 'станов' };

export function irregularPartner(stem: string): string | undefined {
  return IRREGULAR_PARTNERS[stem];
}

/** The word without a prefix that only makes it perfective, for each such prefix it has (`perfective`: known to be one). */
export function withoutEmptyPrefix(word: string, perfective = false): string[] {
  const prefixes = perfective ? PERFECTIVE_PREFIXES : EMPTY_PREFIXES;
  return prefixes.filter((p) => word.startsWith(p) && word.length - p.length >= 4).map((p) => word.slice(p.length));
}
