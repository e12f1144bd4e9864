/**
 * The people, places, organisations and dates a question or a quote names, found from the shape of the text
 * alone: capitalised-name spans, titles and role nouns, organisation words, the CLDR place table and the
 * prepositions in front of a name. No list of names: a name the text does not mark stays of kind 'name'.
 */
import { isStopWord } from '../text/terms.js';
import { isKnownPlace } from '../text/exonyms.js';

export type EntityKind = 'person' | 'place' | 'organisation' | 'time' | 'name';

export interface Entity {
  /** As written, title included ("Minister Orla Vance", "the prime minister"). */
  text: string;
  kind: EntityKind;
  /** Offset of `text` in the text it was found in. */
  start: number;
}

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
const WEEKDAYS = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';
const DATE = new RegExp(
  `\\b(?:(?:\\d{1,2}\\s+)?(?:${MONTHS})(?:\\s+\\d{1,2}(?:st|nd|rd|th)?)?(?:,?\\s+(?:19|20)\\d{2})?|(?:19|20)\\d{2}-\\d{2}-\\d{2}|(?:19|20)\\d{2}|(?:${WEEKDAYS}))\\b`,
  'g',
);

/** Words before a name that make it a person. */
const TITLES = new Set(
  ('mr mrs ms dr prof president minister prime chancellor mayor senator governor general admiral colonel captain king queen ' +
    'prince princess pope judge secretary ambassador commissioner chairman chairwoman chief sir dame lord lady deputy speaker ' +
    'councillor foreign defence defense finance interior health economy fm sheikh coach director spokesman spokeswoman').split(' '),
);
/** Nouns naming a person by office: "the prime minister", "the mayor". */
const ROLES =
  'minister|president|mayor|chancellor|governor|ambassador|spokesman|spokeswoman|spokesperson|secretary|general|commander|director|' +
  'chairman|chairwoman|chair|chief executive|ceo|chief|leader|king|queen|prince|princess|pope|judge|prosecutor|senator|councillor|' +
  'official|manager|owner|founder|coach|captain|premier|head';
const ROLE = new RegExp(`\\b(?:the|its|their)\\s+(?:[\\p{L}-]+\\s+){0,2}?(?:${ROLES})\\b(?:\\s+of\\s+(?:the\\s+)?[A-Z][\\p{L}'’-]*(?:\\s+[A-Z][\\p{L}'’-]*)*)?`, 'gu');
/** Words that make a name an organisation. */
const ORGANISATION_WORDS = new Set(
  ('council ministry agency bank union association party company committee commission court parliament government army navy ' +
    'police institute university college school group corporation corp inc ltd office department authority board federation ' +
    'alliance organisation organization fund service services forces league club society foundation trust assembly senate ' +
    'congress cabinet airlines airline works network bureau guard coalition movement front').split(' '),
);
/** Verbs after a name that make it a person. */
const SPEECH_VERBS = /^\s*(?:said|says|told|announced|added|warned|wrote|argued|explained|claimed|insisted|replied|stated|noted)\b/;
/** Prepositions before a name that make it a place (unless the name is marked otherwise). */
const PLACE_PREPOSITIONS = new Set('in at from to near into across outside inside around towards toward through throughout'.split(' '));
/** Lower-case words allowed inside a capitalised name: "Bank of England", "Ludwig van Beethoven". */
const CONNECTORS = new Set('of de van von der den da du la le al bin ibn del di y'.split(' '));

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;
const isCapitalised = (w: string) => /^\p{Lu}/u.test(w);
const isAcronym = (w: string) => /^\p{Lu}{2,6}s?$/u.test(w);

interface Token {
  text: string;
  start: number;
  end: number;
}

function tokens(text: string): Token[] {
  return [...text.matchAll(WORD)].map((m) => {
    const word = m[0].replace(/['’]s$|[.'’-]+$/u, '');
    return { text: word, start: m.index, end: m.index + word.length };
  });
}

/** A word that starts a sentence is capitalised by grammar, not because it names something. */
function startsSentence(text: string, at: number): boolean {
  const head = text.slice(0, at).trimEnd();
  return head === '' || /[.!?:;"“]$/.test(head);
}

/** Capitalised-name spans, each with the word before it and what follows it, for classifying. */
function nameSpans(text: string, dates: Entity[]): { text: string; start: number; before: string; after: string }[] {
  const words = tokens(text);
  const inDate = (t: Token) => dates.some((d) => t.start >= d.start && t.end <= d.start + d.text.length);
  const out: { text: string; start: number; before: string; after: string }[] = [];
  let i = 0;
  while (i < words.length) {
    const w = words[i]!;
    const lower = w.text.toLowerCase();
    const usable = isCapitalised(w.text) && !inDate(w) && w.text !== 'I' && !(startsSentence(text, w.start) && isStopWord(lower));
    if (!usable) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < words.length) {
      const next = words[j + 1]!;
      const gap = text.slice(words[j]!.end, next.start);
      if (/[,.;:!?()"“”]/.test(gap)) break;
      if (isCapitalised(next.text) && !inDate(next)) j++;
      else if (CONNECTORS.has(next.text) && words[j + 2] && isCapitalised(words[j + 2]!.text) && !/[,.;:!?]/.test(text.slice(next.end, words[j + 2]!.start))) j += 2;
      else break;
    }
    const start = w.start;
    const end = words[j]!.end;
    out.push({ text: text.slice(start, end), start, before: (words[i - 1]?.text ?? '').toLowerCase(), after: text.slice(end) });
    i = j + 1;
  }
  return out;
}

/** The kind a name's own words and surroundings give it; 'name' when nothing marks it. */
function kindFromShape(name: string, before: string, after: string): EntityKind {
  const words = name.split(/\s+/);
  const lowerWords = words.map((w) => w.toLowerCase().replace(/['’]s$/, ''));
  if (isKnownPlace(name) || isKnownPlace(name.replace(/^the\s+/i, ''))) return 'place';
  if (lowerWords.some((w) => ORGANISATION_WORDS.has(w)) || (words.length === 1 && isAcronym(words[0]!))) return 'organisation';
  if (TITLES.has(lowerWords[0]!) && words.length > 1) return 'person';
  if (SPEECH_VERBS.test(after)) return 'person';
  if (PLACE_PREPOSITIONS.has(before)) return 'place';
  if (words.length >= 2 && words.every((w) => isCapitalised(w) || CONNECTORS.has(w))) return 'person';
  return 'name';
}

/** Dates and date-like words ("12 April 2022", "May 2023", "2024", "Tuesday"). */
export function timeEntities(text: string): Entity[] {
  // "May" opening a sentence is the verb ("May the council…").
  return [...text.matchAll(DATE)].filter((m) => m[0] !== 'May' || !startsSentence(text, m.index)).map((m) => ({ text: m[0], kind: 'time' as const, start: m.index }));
}

/**
 * Every person, place, organisation and date `text` names, in order. A name the text leaves unmarked takes
 * the kind it has in `context` (other questions and quotes of the conversation), where it may be marked.
 */
export function entitiesIn(text: string, context: readonly string[] = []): Entity[] {
  const dates = timeEntities(text);
  // An office is one person, whatever names it holds: "the Tovarin defence minister", "the head of the Harbour Board".
  const roles: Entity[] = [...text.matchAll(ROLE)].map((m) => ({ text: m[0], kind: 'person' as const, start: m.index }));
  const found: Entity[] = [...dates, ...roles];
  for (const span of nameSpans(text, dates)) {
    if (roles.some((r) => span.start >= r.start && span.start < r.start + r.text.length)) continue;
    let kind = kindFromShape(span.text, span.before, span.after);
    if (kind === 'name') kind = kindInContext(span.text, context);
    // A lone capitalised word opening a sentence is most often an ordinary word ("Ships carried…").
    if (kind === 'name' && !span.text.includes(' ') && startsSentence(text, span.start)) continue;
    // "the Harbour Board", "the Netherlands": the article goes with the name, so that swapping names keeps one.
    const article = /\b[Tt]he\s+$/.exec(text.slice(Math.max(0, span.start - 4), span.start));
    if (article && (kind === 'organisation' || kind === 'place')) found.push({ text: text.slice(span.start - article[0].length, span.start) + span.text, kind, start: span.start - article[0].length });
    else found.push({ text: span.text, kind, start: span.start });
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * The kind of a name or phrase standing alone (a fragment such as "and Tovarin?"), from its shape, then from
 * `context`; 'topic' for a lower-case phrase that names no one ("the bus line").
 */
export function kindOfPhrase(phrase: string, context: readonly string[]): EntityKind | 'topic' {
  if (timeEntities(phrase).some((t) => t.text === phrase)) return 'time';
  if (new RegExp(`^(?:the|its|their)\\s+(?:[\\p{L}-]+\\s+){0,2}?(?:${ROLES})\\b`, 'u').test(phrase)) return 'person';
  const name = phrase.replace(/^the\s+(?=\p{Lu})/u, '');
  if (!isCapitalised(name)) return 'topic';
  const kind = kindFromShape(name, '', '');
  return kind === 'name' ? kindInContext(name, context) : kind;
}

/** How `name` is marked wherever else the conversation mentions it. */
export function kindInContext(name: string, context: readonly string[]): EntityKind {
  for (const text of context) {
    for (const span of nameSpans(text, timeEntities(text))) {
      if (span.text !== name && !span.text.endsWith(` ${name}`) && !span.text.startsWith(`${name} `)) continue;
      const kind = span.text === name ? kindFromShape(span.text, span.before, span.after) : kindFromShape(span.text, '', '');
      if (kind !== 'name') return kind;
    }
  }
  return 'name';
}
