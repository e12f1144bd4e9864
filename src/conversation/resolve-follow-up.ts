/**
 * Resolves an elliptical follow-up ("and Tovarin?", "what did he say next?", "when was that?") against the
 * conversation's last turns, into a question the search can answer on its own. General mechanisms only:
 * a pronoun takes the latest antecedent of its kind, a fragment takes the previous question with the entity
 * of the same kind swapped for it, and a question with nothing of its own to search keeps the previous topic.
 * A self-contained question comes back unchanged.
 */
import { contentWords } from '../text/terms.js';
import { withoutChatFraming } from '../search/chat-framing.js';
import { MONTH_NAMES } from '../text/dates-in-text.js';
import { entitiesIn, kindOfPhrase, timeEntities, type Entity, type EntityKind } from './entities.js';
import { TURNS_KEPT, type Turn } from './turn.js';

export interface Resolved {
  /** What to search: the question with its references to earlier turns spelled out. */
  question: string;
  /** Whether `question` differs from what was typed. */
  changed: boolean;
}

/** Words that ask or report rather than name a topic: a question made only of these has nothing to search. */
const NOT_TOPIC = new Set(
  ('say said says saying tell told think thought mean meant happen happened happens next later else one ones respond responded ' +
    'react reacted reply replied add added more again instead exactly really go went come came make made get got').split(' '),
);
const WH = /^(how\s+(?:many|much|long|often|far|old)|when|where|why|who|whom|whose|what|which|how)\b/i;
const AUXILIARY = /^(?:did|does|do|was|were|is|are|has|have|had|will|would|can|could|should|might|may)\b/i;
const LEADING_CONJUNCTION = /^(?:and|but|so|also|then)\b[,\s]*/i;
const TRAILING_ELLIPSIS = /[,\s]+(?:too|as well|also|instead|next|then)\s*[?.!]*$/i;
/** The phrase a question is about: "… about the tram line?" → "about the tram line". */
const TOPIC_PHRASE = /\b(?:about|on|regarding|concerning|over|against|for|of)\s+[^?]+/i;

const FRAGMENTS = [
  /^(?:(?:and|but|so)\s+)?(?:what|how)\s+about\s+(.+?)[\s?.!]*$/i,
  /^(?:and|but|or)\s+(.+?)[\s?.!]*$/i,
  /^(.+?)[,\s]+(?:too|as well|also)[\s?.!]*$/i,
];
const MAX_FRAGMENT_WORDS = 8;
/** Follow-ups are short; a longer question carries its own context (and its resolution could only grow). */
const MAX_FOLLOW_UP_CHARS = 300;

export function resolveFollowUp(typed: string, history: readonly Turn[]): Resolved {
  const asTyped = typed.trim();
  const turns = history.slice(-TURNS_KEPT);
  const latest = turns.at(-1);
  if (!latest || !asTyped || asTyped.length > MAX_FOLLOW_UP_CHARS) return { question: asTyped, changed: false };
  // "hey bot, and what about Tovarin?": the follow-up is what the chat framing wraps.
  const resolved = resolveAsked(withoutChatFraming(asTyped), turns, latest);
  return resolved.changed ? resolved : { question: asTyped, changed: false };
}

function resolveAsked(asked: string, turns: readonly Turn[], latest: Turn): Resolved {
  const context = turns.flatMap((t) => [t.question, ...t.quotes]);

  const fragment = fragmentOf(asked);
  if (fragment) return done(asked, swapInto(latest.question, fragment, context));

  const unjoined = asked.replace(LEADING_CONJUNCTION, '');
  let question = substitutePronouns(unjoined, turns, context);
  const elliptical = unjoined !== asked || TRAILING_ELLIPSIS.test(asked) || question !== unjoined;
  if (!elliptical && !isBareAnaphor(question)) return { question: asked, changed: false };
  const named = entitiesIn(question, context);
  // A person or group the last turns never named: better searched as typed than guessed.
  if (/\b(?:he|she|him|his|her|they|them|their)\b/i.test(question) && !named.some((e) => e.kind === 'person' || e.kind === 'organisation')) {
    return { question: asked, changed: false };
  }

  // "What happened there?" is about the place itself; "what did she say next?" is about the previous topic.
  if (topicWords(question, named).length === 0) {
    if (named.length === 0) question = withQuestionWordOf(question, latest.question);
    else if (named.some((e) => e.kind !== 'place' && e.kind !== 'time')) question = withTopicOf(question, named, topicTurn(turns, named).question, context);
  }
  return done(asked, question);
}

/** Tidied; a question that only lost its "and" or gained a capital is returned as typed, and not as changed. */
function done(asked: string, question: string): Resolved {
  let out = question.trim().replace(/\s+/g, ' ').replace(/\s+([?,.])/g, '$1');
  out = out.charAt(0).toUpperCase() + out.slice(1);
  if (!/[?.!]$/.test(out)) out += '?';
  const plain = (q: string) => q.replace(LEADING_CONJUNCTION, '').replace(/[\s?.!]+$/, '').toLowerCase();
  return plain(out) === plain(asked) ? { question: asked, changed: false } : { question: out, changed: true };
}

/** "and Tovarin?", "what about the prime minister?", "the bus line too?": the phrase standing in for a question. */
function fragmentOf(asked: string): string | null {
  for (const re of FRAGMENTS) {
    const m = re.exec(asked);
    const phrase = m?.[1]?.trim();
    if (!phrase || WH.test(phrase) || AUXILIARY.test(phrase) || phrase.split(/\s+/).length > MAX_FRAGMENT_WORDS) continue;
    return phrase;
  }
  return null;
}

/**
 * The question a turn searched, without what only that turn asked: a leading "and", the "When was that: " put
 * in front of an earlier question, and "next"/"again", which described the turn's own moment.
 */
function searchedOf(question: string): string {
  return question.replace(LEADING_CONJUNCTION, '').replace(/^[^:?]*:\s+(?=\p{Ll})/u, '').replace(/\s+\b(?:next|again)\b/giu, '');
}

/** The previous question asked about `phrase` instead: the entity of the same kind (or the topic phrase) swapped. */
function swapInto(searched: string, phrase: string, context: readonly string[]): string {
  const previous = searchedOf(searched);
  const kind = kindOfPhrase(phrase, context);
  const entities = entitiesIn(previous, context);
  const target =
    kind === 'topic'
      ? null
      : (lastOf(entities, (e) => e.kind === kind) ??
        lastOf(entities, (e) => e.kind === 'name' && kind !== 'time') ??
        (kind === 'name' ? lastOf(entities, (e) => e.kind !== 'time') : undefined));
  if (target) {
    // "the Tovarin Harbour Board" → "Chile" loses the article; "in Uruguay" → "the Netherlands" keeps its own.
    return previous.slice(0, target.start) + phrase + previous.slice(target.start + target.text.length);
  }
  const topic = TOPIC_PHRASE.exec(previous);
  if (kind === 'topic' && topic) return `${previous.slice(0, topic.index)}${topic[0].split(/\s+/)[0]} ${phrase}?`;
  return `${stripEnd(previous)} and ${phrase}?`;
}

const lastOf = (entities: Entity[], pred: (e: Entity) => boolean) => entities.filter(pred).at(-1);
const stripEnd = (q: string) => q.replace(/[\s?.!]+$/, '');

/**
 * he/she/him/his/her → the latest person; they/them/their → the latest organisation (or the last name the latest
 * question gave); "there" → the latest place;
 * "then"/"at that time" → the latest turn's time span. A pronoun whose referent the question itself names first
 * ("What did Orla Vance say after she resigned?") is left alone.
 */
function substitutePronouns(question: string, turns: readonly Turn[], context: readonly string[]): string {
  const own = entitiesIn(question, context);
  const namesBefore = (kind: EntityKind, at: number) => own.some((e) => e.kind === kind && e.start < at);
  const person = antecedent(turns, 'person', context);
  // A group the last question named without a word that marks it one ("the Kestrel Lamps", a firm) is "they" too.
  const organisation = antecedent(turns, 'organisation', context) ?? latestName(turns.at(-1)!, context);
  const place = antecedent(turns, 'place', context);
  const span = timeSpan(turns.at(-1)!);
  let out = question;
  if (person) {
    out = out.replace(/\b(he|she|him|his|her)\b(\s+\p{L}+)?/giu, (whole, pronoun: string, next: string | undefined, at: number) => {
      if (namesBefore('person', at)) return whole;
      const word = next?.trim().toLowerCase() ?? '';
      const possessive = pronoun.toLowerCase() === 'his' || (pronoun.toLowerCase() === 'her' && word !== '' && !/^(about|on|in|at|to|for|with|from|say|said|and|or|next|then|after|before)$/.test(word));
      return `${possessive ? `${person}’s` : person}${next ?? ''}`;
    });
  }
  if (organisation) {
    out = out.replace(/\b(they|them|their)\b/giu, (whole, pronoun: string, at: number) =>
      namesBefore('organisation', at) ? whole : pronoun.toLowerCase() === 'their' ? `${organisation}’s` : organisation);
  }
  if (place) {
    out = out.replace(/(\b\p{L}+\s+)?\bthere\b(\s+\p{L}+)?/giu, (whole, before: string | undefined, after: string | undefined, at: number) => {
      const prev = before?.trim().toLowerCase() ?? '';
      const next = after?.trim().toLowerCase() ?? '';
      // "was there", "there is": the existential "there" names no place.
      if (/^(?:is|are|was|were|be|been|'s)$/.test(prev) || /^(?:is|are|was|were|be|been|will|would|has|have|had)$/.test(next) || namesBefore('place', at)) return whole;
      const preposition = /^(?:from|in|to|at|over|near|into|out|through|around)$/.test(prev);
      return `${before ?? ''}${preposition ? place : `in ${place}`}${after ?? ''}`;
    });
  }
  if (span) {
    out = out.replace(/\b(?:at|around|by)\s+(?:that|the)\s+time\b|\b(?:back\s+)?then(?=\s*[?.!]*$)/iu, span);
  }
  return out;
}

/**
 * The latest name of `kind`: the newest turn's question first (its last such name), then that turn's quotes,
 * then older turns. A proper name beats an office ("the mayor, Pell Astrand" → Pell Astrand).
 */
function antecedent(turns: readonly Turn[], kind: EntityKind, context: readonly string[]): string | null {
  const proper = (e: Entity) => /^(?:the\s+)?\p{Lu}/u.test(e.text);
  for (const turn of [...turns].reverse()) {
    const inQuestion = entitiesIn(turn.question, context).filter((e) => e.kind === kind);
    const inQuotes = turn.quotes.flatMap((q) => entitiesIn(q, context).filter((e) => e.kind === kind));
    const best = [...inQuestion].reverse().find(proper) ?? inQuotes.find(proper) ?? inQuestion.at(-1) ?? inQuotes[0];
    if (best) return best.text;
  }
  return null;
}

/**
 * The last name the turn's question gave of a person or of no marked kind: a band's two capitalised words read as
 * a person's, and "they" may stand for one person too.
 */
function latestName(turn: Turn, context: readonly string[]): string | null {
  return lastOf(entitiesIn(searchedOf(turn.question), context), (e) => e.kind === 'name' || (e.kind === 'person' && /^\p{Lu}/u.test(e.text)))?.text ?? null;
}

const monthYear = (iso: string) => `${MONTH_NAMES[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;

/** "then" in words: the date the latest question named, else the months its cited articles were published in. */
function timeSpan(turn: Turn): string | null {
  const named = timeEntities(turn.question).at(-1);
  if (named) return /^\d{1,2}\s|\s\d{1,2}(?:st|nd|rd|th)?(?:,|\s|$)|^\d{4}-/.test(named.text) ? `on ${named.text}` : `in ${named.text}`;
  const first = turn.dates[0];
  const last = turn.dates.at(-1);
  if (!first || !last) return null;
  return monthYear(first) === monthYear(last) ? `in ${monthYear(first)}` : `between ${monthYear(first)} and ${monthYear(last)}`;
}

/** The latest turn that named one of these people or organisations (their topic is the one continued), else the latest. */
function topicTurn(turns: readonly Turn[], named: readonly Entity[]): Turn {
  const names = named.filter((e) => e.kind !== 'place' && e.kind !== 'time').map((e) => e.text);
  return [...turns].reverse().find((t) => names.some((n) => t.question.includes(n))) ?? turns.at(-1)!;
}

/** Words that name what the question is about (not the names in `entities`, not question or reporting words). */
function topicWords(question: string, entities: readonly Entity[]): string[] {
  let rest = question;
  for (const e of [...entities].sort((a, b) => b.start - a.start)) rest = rest.slice(0, e.start) + ' ' + rest.slice(e.start + e.text.length);
  return contentWords(rest).filter((w) => !NOT_TOPIC.has(w) && !/^(?:it|that|this|there|then)$/.test(w));
}

/** "when was that?", "why?", "how many were there?": a question word over the previous question. */
function isBareAnaphor(question: string): boolean {
  return topicWords(question, entitiesIn(question)).length === 0 && entitiesIn(question).length === 0;
}

/**
 * The previous question asked again with this question's question word. Swapped outright only where the old
 * one was an adverb ("Where did X meet Y?" → "When did X meet Y?"); a "what"/"who"/"how many" is part of the
 * sentence, so the previous question follows whole: "When was that: what did X say about Y?".
 */
function withQuestionWordOf(question: string, previous: string): string {
  const wh = WH.exec(question)?.[1];
  if (!wh) return searchedOf(previous);
  previous = searchedOf(previous);
  const rest = previous.replace(WH, '').trim();
  if (/^(?:when|where|why|how)$/i.test(WH.exec(previous)?.[1] ?? '') && AUXILIARY.test(rest)) return `${wh} ${rest}`;
  return `${stripEnd(question)}: ${previous.charAt(0).toLowerCase()}${previous.slice(1)}`;
}

/**
 * Adds the previous question's topic ("about the tram line") to a question that names someone but no topic.
 * Without such a phrase, the previous question's own words, less the people and organisations of the kinds
 * this question names anew (they are who is replaced, not what is asked about).
 */
function withTopicOf(question: string, named: readonly Entity[], previous: string, context: readonly string[]): string {
  const phrase = TOPIC_PHRASE.exec(previous)?.[0];
  if (phrase) return `${stripEnd(question)} ${stripEnd(phrase)}?`;
  const replaced = new Set(named.map((e) => e.kind));
  let rest = searchedOf(previous);
  for (const e of entitiesIn(rest, context).reverse()) if (replaced.has(e.kind) || e.kind === 'name') rest = rest.slice(0, e.start) + ' ' + rest.slice(e.start + e.text.length);
  const own = new Set(contentWords(question));
  const first = [...rest.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)].find((m) => {
    const [folded] = contentWords(m[0]);
    return folded !== undefined && !own.has(folded) && !NOT_TOPIC.has(folded);
  });
  // From the first word this question lacks to the end, as written: "resign from the council".
  return first ? `${stripEnd(question)} about ${stripEnd(rest.slice(first.index)).replace(/\s+/g, ' ')}?` : question;
}
