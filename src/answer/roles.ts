import type { ArticleSentence } from './article-view.js';
import type { MatchQuery } from './matching.js';

/**
 * News names a person once with their role ("Tolvan Prime Minister Ada Brennt", "Lask Union Secretary General
 * Mira Okoye", "Harwick boss Tom Emmett") and then by surname alone ("Brennt stated that …"). A question asks in
 * the role's words ("What did Tolva's premier say …"), so within one article a sentence that names the
 * surname also says the role: coreference the way a reader does it.
 */

/** Less than the role itself: the link is the article's, not the sentence's. */
const ROLE_FACTOR = 0.8;
const MIN_NAME_TOKENS = 2;

const capitalised = (raw: string) => /^\p{Lu}/u.test(raw);

/**
 * What the answer stage looks up for every token of eight articles, built once per question: the role words
 * each stem says ("minist" says "premier" through "prime minister"), and every stem that says some question word.
 */
interface RoleLookup {
  rolesOf: Map<string, number[]>;
  said: Set<string>;
}
const lookups = new WeakMap<MatchQuery, RoleLookup>();
function roleLookup(match: MatchQuery): RoleLookup {
  const cached = lookups.get(match);
  if (cached) return cached;
  const rolesOf = new Map<string, number[]>();
  const said = new Set<string>();
  const add = (stem: string, words: number[]) => {
    said.add(stem);
    const roles = words.filter((i) => match.roles[i]);
    if (roles.length > 0) rolesOf.set(stem, [...new Set([...(rolesOf.get(stem) ?? []), ...roles])]);
  };
  match.stems.forEach((stem, i) => add(stem, [i]));
  for (const e of match.expansions) for (const stem of e.stems) add(stem, e.covers);
  const lookup = { rolesOf, said };
  lookups.set(match, lookup);
  return lookup;
}

/**
 * Surname stem → the question words its role says, found where a role the question names stands right
 * before a name of at least two capitalised words.
 */
export function rolesBySurname(sentences: readonly ArticleSentence[], match: MatchQuery): Map<string, number[]> {
  const roles = new Map<string, number[]>();
  if (!match.roles.some(Boolean)) return roles;
  const { rolesOf, said } = roleLookup(match);
  for (const { tokens } of sentences) {
    for (let j = 0; j < tokens.length; j++) {
      const named = rolesOf.get(tokens[j]!.stem);
      // Every word of eight articles passes here: most are no role and stand before no name.
      if (!named && !capitalised(tokens[j + 1]?.raw ?? '')) continue;
      // The role may itself be capitalised ("Secretary General"): the name is the capitalised run after it.
      let end = j + 1;
      while (end < tokens.length && capitalised(tokens[end]!.raw)) end++;
      if (end - j - 1 < MIN_NAME_TOKENS) continue;
      // The article's title may be a kind of the question's role: "President Ada Brennt" is a "leader".
      const role = [...(named ?? match.rolesKindOf?.(tokens[j]!.raw.toLowerCase()) ?? [])];
      if (role.length === 0) continue;
      const run = tokens.slice(j + 1, end);
      const nameStart = run.findIndex((t) => !said.has(t.stem));
      if (nameStart < 0 || run.length - nameStart < MIN_NAME_TOKENS) continue;
      for (const t of run.slice(0, nameStart)) role.push(...(rolesOf.get(t.stem) ?? []));
      const surname = run.at(-1)!.stem;
      roles.set(surname, [...new Set([...(roles.get(surname) ?? []), ...role])]);
    }
  }
  return roles;
}

/** A sentence naming a surname says its role's words, at `ROLE_FACTOR`, where it does not say them itself. */
export function creditRoles(credits: number[], sentence: ArticleSentence, roles: Map<string, number[]>): void {
  for (const [surname, words] of roles) {
    if (!sentence.stems.set.has(surname)) continue;
    for (const i of words) credits[i] = Math.max(credits[i]!, ROLE_FACTOR);
  }
}
