import { lightStem } from '../text/terms.js';
import { headOf, thingAsked } from '../search/question-kind.js';
import { isReportingVerb, type Token } from './answer-spans.js';

const PHRASE = '((?:[a-z][a-z-]* ){0,2}[a-z][a-z-]*)';
/** "What's the name of the documentary …", "what is the documentary she is making called?": a name, of anyone or anything. */
const NAME_ASKED = new RegExp(`\\b(?:[Nn]ame of (?:the|this|that) ${PHRASE}|[Ww]hat(?:'s|’s| is| was) (?:the|this|that) ${PHRASE}\\b[^?]*\\bcalled\\b)`);
/** "Who was the gunman?": a person, by role. */
const ROLE_ASKED = new RegExp(`\\b[Ww]ho(?:'s|’s| is| was| are| were) (?:the|this|that) ${PHRASE}`);


/**
 * What a question asks the name of, as a stem: "doorman" in "What's the name of the doorman the singer
 * fought?", "documentary" in "What's the documentary she is making called?", "gunman" in "Who was the gunman?" (a role only
 * when a dictionary says it names a person); null otherwise.
 */
export function nounAsked(question: string, namesAPerson: (word: string) => boolean): string | null {
  const named = NAME_ASKED.exec(question);
  const head = named ? headOf(named[1] ?? named[2]) : headOf(ROLE_ASKED.exec(question)?.[1]);
  return head !== undefined && (named || namesAPerson(head)) ? lightStem(head) : null;
}

/** The noun a "which …" or "what …" question asks for ("bidders" in "Which two bidders did the council name?"), as a stem. */
export function whichAsked(question: string): string | undefined {
  const head = thingAsked(question);
  return head === undefined ? undefined : lightStem(head);
}

const capitalised = (t: Token | undefined) => t !== undefined && /^\p{Lu}\p{Ll}/u.test(t.raw);
const INDEFINITE = /^(?:a|an|another|one)$/i;

/**
 * Whether a mention of the role names its person: "doorman Tom Hale", "Tom Hale, a doorman". Capitalised
 * words that go on to another role ("a doorman, label spokesman Tam …") name that one, and those before
 * a reporting verb the speaker.
 */
function namedAt(tokens: Token[], at: number, text: string, isRole: (t: Token) => boolean): boolean {
  let after = at + 1;
  while (capitalised(tokens[after])) after++;
  const next = tokens[after];
  // "…, a doorman, Mr Roe added": a name before a reporting verb is the speaker's.
  if (after > at + 1 && !(next && (isRole(next) || isReportingVerb(next.raw)))) return true;
  const commaBefore = (i: number) => i > 0 && text.slice(tokens[i - 1]!.at + tokens[i - 1]!.raw.length, tokens[i]!.at).includes(',');
  // Back over the role's own words ("a security"), to a name and a comma before them.
  let start = at;
  while (start > 0 && at - start < 3 && !capitalised(tokens[start - 1]) && !commaBefore(start)) start--;
  return commaBefore(start) && capitalised(tokens[start - 1]);
}

/**
 * The sentence of an article that mentions what is asked about as unnamed ("a scuffle with a doorman", "a
 * documentary with …"), when no mention of it in the article names it: news writes "a doorman" of a person it
 * cannot name, "a documentary" of one without a title yet.
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
