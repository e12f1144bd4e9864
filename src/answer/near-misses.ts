import type { ParsedQuery } from '../search/query.js';
import type { QuestionKind } from '../search/question-kind.js';
import { FEATURES, type SentenceCandidate } from './features.js';
import { asksAboutProspect, asksWhatHappened, eventOnlyProspective, onlyProspective, prospectiveTokens, withoutLaterEvent } from './prospects.js';
import { nounAsked, unnamedRole, whichAsked } from './unnamed.js';
import { askedPeriodStart } from '../text/dates-in-text.js';

/**
 * Near misses: the question names the right story, but what it asks the story does not give. Why, the reply
 * says: the closest source says it was not made public ("withheld"), does not give the name ("unnamed"),
 * reports it only as expected or possible ("prospect": then another story that says it as done answers), or
 * was published before the time the question asks about ("later": then a story published since answers).
 */
export type NearMiss<R> =
  | { reason: 'withheld' | 'unnamed'; closest: R }
  | { reason: 'prospect'; closest: R; words: string[] }
  | { reason: 'later'; closest: R; since: string };

/** What the checks look up beyond the question and its sentences. */
export interface NearMissLookups {
  /** Whether a word names a person by role ("guard", "premier"): a question may ask the name of one. */
  namesAPerson: (word: string) => boolean;
  /** Whether a word is a verb: the events a question asks happened are its verbs. */
  isVerb: (word: string) => boolean;
  /** An article's publication date (ISO), when known. */
  published: (documentId: string) => string | null;
}

const ASKED = FEATURES.indexOf('asked');
const KIND = FEATURES.indexOf('kind');

/** Why the best answering sentence is no answer to the question, if it is a near miss. */
export function nearMissOf<R extends { candidate: SentenceCandidate }>(
  query: ParsedQuery,
  ranked: R[],
  best: R,
  lookups: NearMissLookups,
): NearMiss<R> | undefined {
  const withheld = withholding(query, ranked, best.candidate);
  if (withheld) return { reason: 'withheld', closest: withheld };
  const unnamed = unnamedAsked(query, ranked, best.candidate, lookups.namesAPerson);
  if (unnamed) return { reason: 'unnamed', closest: unnamed };
  // "What caused the bank run in October 1991?" cannot be told by a story published in April 1991, whatever its tense.
  const since = !query.translated && !asksAboutProspect(query.english) ? askedPeriodStart(query.english) : null;
  const published = lookups.published(best.candidate.view.documentId);
  if (since && published && published < since) return { reason: 'later', closest: best, since };
  // A story written before the verdict says "if convicted": what happened is then told, if at all, by another
  // article. A translated question's tense is the gloss's guess ("Чи" reads as "did"), so only the asker's own
  // English is read so.
  const settled = !query.translated && asksWhatHappened(query.english) && !NO_TENSE_KINDS.has(query.kind);
  const asked = settled ? withoutLaterEvent(query.english, attributeStems(query)) : new Set<string>();
  const lead = best.candidate;
  const words = settled ? prospectOnly(ranked, lead, asked) : [];
  // An answer that holds what was asked for (the sum paid) has said the event its own way ("repaid").
  if (words.length === 0 && settled && lead.features[KIND]! === 0) words.push(...eventOnlyProspective(lead.sentence, lead.view.sentences, asked, lookups.isVerb));
  return words.length > 0 ? { reason: 'prospect', closest: best, words } : undefined;
}

/**
 * News says so when the thing asked for was not given: "for an undisclosed sum", "declined to identify the two
 * bidders", "no buyer has yet been named". When the answer's article says that among its best sentences
 * for the question, the coverage does not answer it, whatever else the sentence holds.
 */
const NOT_GIVEN = (verbs: string) =>
  new RegExp(
    `\\b(?:(?:declined|refused) to (?:${verbs})|(?:did|does|do|would|will|could) not (?:${verbs})|` +
      `(?:has|have|had|was|were|is|are) not (?:yet )?(?:been )?(?:${verbs})(?:d|ed)?|no (?:\\w+ ){0,2}(?:has|have|had|was|were) (?:yet )?been (?:${verbs})(?:d|ed)?)\\b`,
    'i',
  );
const SUM_WITHHELD = new RegExp(`\\bundisclosed\\b|${NOT_GIVEN('disclose|reveal|specify|say').source}`, 'i');
const NAME_WITHHELD = new RegExp(`\\b(?:unnamed|unidentified)\\b|${NOT_GIVEN('identif(?:y|i)|name|announce|reveal|disclose').source}`, 'i');
const DATE_WITHHELD = NOT_GIVEN('set|announce|decide|fix|disclose');
const ANY_WITHHELD = new RegExp(NOT_GIVEN('say|disclose|reveal|specify|identify|name|announce').source, 'i');
const WITHHELD: Partial<Record<QuestionKind, RegExp>> = {
  amount: SUM_WITHHELD,
  count: SUM_WITHHELD,
  person: NAME_WITHHELD,
  name: NAME_WITHHELD,
  place: NAME_WITHHELD,
  date: DATE_WITHHELD,
};
/** How many of the answer's article's best sentences for the question are read for a withheld fact or a prospect. */
const BEST_OF_ARTICLE = 3;

/**
 * The sentence saying that what is asked was not given: among the answer's article's best, and saying at least
 * as much of what is asked as the answer does (a deal's undisclosed price says nothing of last year's profit).
 */
function withholding<R extends { candidate: SentenceCandidate }>(query: ParsedQuery, ranked: R[], lead: SentenceCandidate): R | undefined {
  const withheld = WITHHELD[query.kind];
  const article = ranked.filter((r) => r.candidate.view.documentId === lead.view.documentId);
  const best = article.slice(0, BEST_OF_ARTICLE);
  const found = withheld && best.find((r) => r.candidate.features[ASKED]! >= lead.features[ASKED]! && withheld.test(r.candidate.sentence.text));
  // "Which two bidders …?" – "the council declined to name the two bidders"; "What faults …?" – "he did not say
  // what faults were found": what is withheld is what is asked, whatever kind of answer that is.
  const thing = whichAsked(query.text);
  const thingWithheld = withheld ?? ANY_WITHHELD;
  return found || (thing ? article.find((r) => withholdsThing(r.candidate.sentence, thingWithheld, thing)) : undefined);
}

/** Words between "declined to identify" and the thing withheld ("the two bidders"): farther on, it withholds another. */
const THING_WITHIN = 4;

/** Whether the sentence says the thing was withheld: "did not say what faults", not "declined to say whether fares …". */
function withholdsThing(sentence: SentenceCandidate['sentence'], withheld: RegExp, thing: string): boolean {
  const m = new RegExp(withheld.source, 'i').exec(sentence.text);
  if (!m) return false;
  const after = sentence.tokens.filter((t) => t.at >= m.index + m[0].length).slice(0, THING_WITHIN);
  return after.some((t) => t.stem === thing);
}

/** "What's the name of the doorman …" when the answer's article only ever writes "a doorman" (or "a documentary"). */
function unnamedAsked<R extends { candidate: SentenceCandidate }>(
  query: ParsedQuery,
  ranked: R[],
  lead: SentenceCandidate,
  namesAPerson: (word: string) => boolean,
): R | undefined {
  const role = nounAsked(query.text, namesAPerson);
  const at = role === null ? null : unnamedRole(lead.view.sentences, role, (t) => namesAPerson(t.raw.toLowerCase()));
  return at === null ? undefined : ranked.find((r) => r.candidate.view === lead.view && r.candidate.sentence.index === at);
}

/**
 * Kinds the prospect check leaves alone: what someone said ("what did she say she would do" is answered by the
 * prospect itself), and a search-box query, whose participles ("fee paid") have no tense.
 */
const NO_TENSE_KINDS = new Set(['speech', 'source', 'keywords']);

/**
 * The question's words that the answer's article, among its best sentences for the question, says only as a
 * prospect (see onlyProspective), and the answer itself does not say as done: "is seeking damages" beside a
 * lead about the lawsuit answers no "did he get damages".
 */
function prospectOnly<R extends { candidate: SentenceCandidate }>(ranked: R[], lead: SentenceCandidate, asked: Set<string>): string[] {
  const best = ranked.filter((r) => r.candidate.view.documentId === lead.view.documentId).slice(0, BEST_OF_ARTICLE);
  const stems = [...new Set(best.flatMap((r) => onlyProspective(r.candidate.sentence, lead.view.sentences, asked)))];
  return stems.length > 0 && !saysPlainly(lead, stems) ? stems : [];
}

/** The stems of the question's words that are not names: what it asks about the named things. */
const attributeStems = (query: ParsedQuery): Set<string> => new Set(query.stems.filter((_, i) => !query.names[i]));

/** Whether a sentence (of another article) says those words as done. */
export function saysPlainly(c: SentenceCandidate, stems: string[]): boolean {
  const framed = prospectiveTokens(c.sentence.text, c.sentence.tokens);
  return stems.every((s) => c.sentence.tokens.some((t, i) => t.stem === s && !framed[i]));
}
