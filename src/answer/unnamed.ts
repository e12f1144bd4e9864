import { foldedWords } from '../text/fold.js';
import { isStopWord, lightStem } from '../text/terms.js';
import type { Token } from './answer-spans.js';

/** "What's the name of the security guard …", "who was the gunman": the person asked for, by role. */
const ROLE_ASKED = /\b(?:[Nn]ame of|[Ww]ho(?:'s| is| was| are| were)) (?:the|this|that) ((?:[a-z][a-z-]* ){0,2}[a-z][a-z-]*)/;

/**
 * The role a question asks the name of ("guard" in "What's the name of the security guard Ian Brown fought?"),
 * when a dictionary says it names a person; null otherwise.
 */
export function roleAsked(question: string, namesAPerson: (word: string) => boolean): string | null {
  const words = foldedWords(ROLE_ASKED.exec(question)?.[1] ?? '');
  // The role phrase ends where the question goes on ("the security guard who …", "the driver in …").
  const end = words.findIndex((w) => isStopWord(w));
  const role = (end < 0 ? words : words.slice(0, end)).at(-1);
  return role !== undefined && namesAPerson(role) ? lightStem(role) : null;
}

const capitalised = (t: Token | undefined) => t !== undefined && /^\p{Lu}\p{Ll}/u.test(t.raw);
const INDEFINITE = /^(?:a|an|another|one)$/i;
/** "…, a security guard, Mr Smernicki added": the name after the comma is the speaker's. */
const REPORTING = /^(?:said|says|added|adds|told|explained|reported|confirmed|stated|noted|claimed|insisted|warned)$/i;

/**
 * Whether a mention of the role names its person: "security guard Tom Hale", "Tom Hale, a security guard". Capitalised
 * words that go on to another role ("a guard, Fiction Records spokesman Paul …") name that one, and those before
 * a reporting verb the speaker.
 */
function namedAt(tokens: Token[], at: number, text: string, isRole: (t: Token) => boolean): boolean {
  let after = at + 1;
  while (capitalised(tokens[after])) after++;
  const next = tokens[after];
  if (after > at + 1 && !(next && (isRole(next) || REPORTING.test(next.raw)))) return true;
  const commaBefore = (i: number) => i > 0 && text.slice(tokens[i - 1]!.at + tokens[i - 1]!.raw.length, tokens[i]!.at).includes(',');
  // Back over the role's own words ("a security"), to a name and a comma before them.
  let start = at;
  while (start > 0 && at - start < 3 && !capitalised(tokens[start - 1]) && !commaBefore(start)) start--;
  return commaBefore(start) && capitalised(tokens[start - 1]);
}

/**
 * The sentence of an article that mentions the role asked about as someone unnamed ("a fracas with a security
 * guard"), when no mention of it in the article names anyone: news writes "a guard" of a person it cannot name.
 */
export function unnamedRole(sentences: { text: string; tokens: Token[] }[], role: string, isRole: (t: Token) => boolean): number | null {
  let unnamed: number | null = null;
  for (const [index, { text, tokens }] of sentences.entries()) {
    for (const [at, t] of tokens.entries()) {
      if (t.stem !== role) continue;
      if (namedAt(tokens, at, text, isRole)) return null;
      const article = tokens.slice(Math.max(0, at - 3), at).some((w) => INDEFINITE.test(w.raw));
      if (article && unnamed === null) unnamed = index;
    }
  }
  return unnamed;
}
