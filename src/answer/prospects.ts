import { foldedWords } from '../text/fold.js';
import { isIrregularPast, lightStem } from '../text/terms.js';
import { saysStem, type Token } from './answer-spans.js';

/**
 * Words that put what follows them in doubt or in the future: "If convicted, he could face …", "the appeal is
 * set to be heard in March", "the trial will start in May", "he is seeking damages", "the board has the
 * power to suspend him".
 */
const PROSPECT = new RegExp(
  '\\b(?:if|unless|could|might|may|should|can|cannot|will|would|shall|(?:is|are|was|were|be) (?:set|due|scheduled|expected|likely|planned|poised) to|' +
    '(?:plans?|planning|aims?|hopes?|intends?) to|yet to|awaiting|pending|seek(?:s|ing)?|sought|demand(?:s|ed|ing)?|calls? for|called for|' +
    '(?:has|have|had) the (?:power|right) to)\\b',
  'gi',
);
/**
 * "Will" and "would" after a reporting verb tell what was agreed or announced ("said it would buy the stake for
 * 5 mln dlrs", "says the plant will close"): news reports done deals that way, and those answer what was paid.
 */
const REPORTED_FUTURE = /\b(?:said|says|say|told|announced|agreed|confirmed|stated|added)\b(?:\s+\S+){0,5}\s+$/i;
const FUTURE = /^(?:will|would|shall)$/i;
/** A clause ends at these: the doubt "if" casts stops at the comma after its condition. */
const CLAUSE_END = /[,;:.!?()—–]/g;
/** Auxiliaries whose subject is in doubt with their verb: "nearly 900 of its members will march". */
const MODAL = /^(?:could|might|may|should|can|will|would|shall)$/i;
/** Where a modal's subject starts: after a clause's end, or after a reporting verb and its "that". */
const SUBJECT_START = /(?:[,;:.!?()—–]|\b(?:said|says|say|told|announced|added|stated)(?: that)?)\s*/gi;

/** Which tokens of a sentence stand in a clause a prospect word opens, or in the subject of a modal verb. */
export function prospectiveTokens(text: string, tokens: Token[]): boolean[] {
  const framed = tokens.map(() => false);
  for (const m of text.matchAll(PROSPECT)) {
    if (FUTURE.test(m[0]) && REPORTED_FUTURE.test(text.slice(0, m.index))) continue;
    if (m[0] === 'May' && m.index > 0) continue; // the month
    const from = m.index + m[0].length;
    const subject = MODAL.test(m[0]) ? subjectStart(text, m.index) : m.index;
    CLAUSE_END.lastIndex = from;
    const to = CLAUSE_END.exec(text)?.index ?? text.length;
    tokens.forEach((t, i) => (framed[i] ||= (t.at >= subject && t.at < m.index) || (t.at >= from && t.at < to)));
  }
  return framed;
}

function subjectStart(text: string, before: number): number {
  let start = 0;
  for (const m of text.slice(0, before).matchAll(SUBJECT_START)) start = m.index + m[0].length;
  return start;
}

/** A question about what did happen: "was he convicted", "what did the judge rule" (not "will", "could", "plan"). */
const SETTLED = /\b(?:did|was|were|had|has been|have been)\b/i;
/** A question that itself asks about a prospect, or about what someone said would happen or wanted done. */
const OPEN_OR_FUTURE =
  /\b(?:will|would|shall|going to|expect\w*|due|scheduled|next|upcoming|likely|possibl\w*|meant|supposed|intend\w*|designed|aim\w*|say|said|tell|told|think|predict\w*|forecast\w*|want\w*|wish\w*|propos\w*|recommend\w*|suggest\w*|urg(?:e|es|ed|ing))\b/i;
/** Asks about the present or future: "how many does it use", "who is buying". */
const PRESENT = /\b(?:do|does|is|are|am|has|have|can)\b/i;

const PROSPECT_ASKED = new RegExp(PROSPECT.source, 'i');

/** Whether the question asks about what is expected, planned or possible, or about what someone said would be. */
export const asksAboutProspect = (question: string): boolean => OPEN_OR_FUTURE.test(question) || PROSPECT_ASKED.test(question);

export const asksWhatHappened = (question: string): boolean =>
  (SETTLED.test(question) || (!PRESENT.test(question) && saysInPast(question))) && !asksAboutProspect(question);

/**
 * A verb in the past tense without an auxiliary ("how many riders used the new fares", "who won"): a word in
 * -ed not after an article (not "the armed forces", "a proposed deal"), or an irregular past.
 */
function saysInPast(question: string): boolean {
  const words = question.toLowerCase().match(/[a-z]+/g) ?? [];
  return words.some((w, i) => i > 0 && !DETERMINER.test(words[i - 1]!) && ((/^[a-z]{2,}ed$/.test(w) && !/eed$/.test(w)) || isIrregularPast(w)));
}
const DETERMINER = /^(?:the|a|an|its|his|her|their|our|this|that)$/;

export interface SentenceTokens {
  text: string;
  tokens: Token[];
}

/**
 * The question's words a sentence says as a prospect ("convicted", "fraud" in "If convicted of fraud, Mr Vossberg could
 * face …" of a story written before the verdict), when one of them the article it comes from never says otherwise.
 * Empty unless most of the question's words the sentence says are in such a clause, since a prospect beside the
 * answer ("… and the toll could rise") does not undo it.
 */
export function onlyProspective(sentence: SentenceTokens, article: SentenceTokens[], asked: Set<string>): string[] {
  const inProspect = prospectiveTokens(sentence.text, sentence.tokens);
  const said = sentence.tokens.flatMap((t, i) => (saysStem(t, asked) ? [{ t, framed: inProspect[i]! }] : []));
  if (said.length === 0 || said.filter((s) => s.framed).length * 2 <= said.length) return [];
  const saidPlainly = new Set<string>();
  for (const other of article) {
    const otherFramed = prospectiveTokens(other.text, other.tokens);
    other.tokens.forEach((t, i) => {
      if (!otherFramed[i] && saysStem(t, asked)) saidPlainly.add(t.stem);
    });
  }
  const framed = [...new Set(said.filter((s) => s.framed).map((s) => s.t.stem))];
  return framed.some((stem) => !saidPlainly.has(stem)) ? framed : [];
}

/**
 * The question's verbs ("did the ministry appeal …") that the answer's article says only as a prospect ("the
 * ministry may appeal the ruling"), never as done, while the answer does not say them at all: it answers
 * the rest of the question, but what was asked to have happened the coverage reports only as possible.
 */
export function eventOnlyProspective(lead: SentenceTokens, article: SentenceTokens[], asked: Set<string>, isVerb: (word: string) => boolean): string[] {
  const framedOnly = new Map<string, boolean>();
  for (const sentence of article) {
    const framed = prospectiveTokens(sentence.text, sentence.tokens);
    sentence.tokens.forEach((t, i) => {
      if (saysStem(t, asked) && isVerb(t.raw.toLowerCase())) framedOnly.set(t.stem, (framedOnly.get(t.stem) ?? true) && framed[i]!);
    });
  }
  return [...framedOnly].filter(([stem, only]) => only && !lead.tokens.some((t) => t.stem === stem)).map(([stem]) => stem);
}

/** "Before the reunion shows": a later event the question dates by, not what it asks happened. */
const BEFORE = /\b(?:before|ahead of|prior to|until|in the run-up to)\s+([^,;?!.]+)/gi;

/** The question's stems without those of a later event it dates by ("what did the band do before the shows?"). */
export function withoutLaterEvent(question: string, stems: Iterable<string>): Set<string> {
  const later = new Set([...question.matchAll(BEFORE)].flatMap((m) => foldedWords(m[1]!).map(lightStem)));
  return new Set([...stems].filter((s) => !later.has(s)));
}
