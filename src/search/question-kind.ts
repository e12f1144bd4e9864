/**
 * What kind of answer a question asks for, read from its wording alone. The answer stage prefers sentences
 * that hold an answer of that kind (a number for "how many", a date for "when", a quotation for "what did
 * X say"); the kind never filters anything out, it only weighs.
 */
import { foldedWords } from '../text/fold.js';
import { isStopWord } from '../text/terms.js';

export type QuestionKind =
  | 'count' // how many, what number, what share
  | 'amount' // how much money, what price, what did it cost
  | 'date' // when, which year, on what day
  | 'place' // where, in which country
  | 'person' // who, whom
  | 'name' // which company, what film: a proper name of some kind
  | 'reason' // why, what caused
  | 'speech' // what did X say
  | 'source' // who reported, which agency
  | 'yes-no' // is, did, will ... ?
  | 'keywords' // a search-box query, no question form
  | 'open'; // what, how: anything

/** Verbs that make "what did X …" ask what X said, in the forms a question uses them. */
const SAYING = ['say', 'said', 'tell', 'told', 'state', 'declare', 'announce', 'call', 'called', 'describe', 'mean', 'think', 'argue', 'claim', 'warn', 'reply', 'answer'];

/** Whether a verb's base form, after "what did X", asks what X said ("say", "warn", "describe", …). */
export function asksWhatWasSaid(verb: string): boolean {
  return SAYING.includes(verb);
}

/**
 * "What was the stock trading at after the board said …?", "what did the shares close at": a price, whatever is
 * said later. What stands between the words ("the stock") is the question's topic, not the kind.
 */
const PRICE_AT = /\bwhat (?:was|is|were|are|did|do|does) ([^?]{1,40}?)\b(?:trading|trade|priced|valued|quoted|selling|close|closed|closing|end|ended|finish|finished|settle|settled) at\b/i;

const PATTERNS: [QuestionKind, RegExp][] = [
  // "What is the film she is making called?" asks a name, not what someone called something.
  ['name', /\bwhat(?:'s|’s| is| was| are| were) (?:the|this|that|his|her|their|its) [^?]{1,60}?\bcalled\s*\??\s*$/i],
  ['amount', PRICE_AT],
  // The reporting verb after the outlet asked for ("which paper originally published …") is how the answer is said
  // ("as reported by …"), not what the story is about: it goes with the kind words.
  ['source', /\b(who (first )?(reported|broke|carried|wrote)|(which (\S+ )?(news |wire |press )?(agency|outlet|source|media|newspaper|paper|service|channel|broadcaster|site|website|publication|magazine)|what (agency|outlet|source|newspaper))( (first|originally))?( (reported|broke|carried|published|printed|ran|aired|broadcast))?|according to whom)\b/i],
  ['speech', new RegExp(`\\b(what (did|does|do|has|have|had|was|is|were) [\\p{L}\\s'’.-]{2,60}?\\b(${SAYING.join('|')}|talk about|talked about|speak about|discuss|discussed)|how did [\\p{L}\\s'’.-]{2,60}?\\b(respond|react|describe|reply)|in (his|her|their) (own )?words|(what|which) (words|remarks|comments))\\b`, 'iu')],
  // "How much did copper go up?" and "by how much does the mill want to raise output?" ask by how much something
  // changed, "how much of the harvest …" a share: a number, not a sum of money.
  ['count', /\bby how much\b|\bhow much(?= of\b| (did|does|do|will|would|has|have|had|could|might) [^?]{1,40}?\b(rise|rose|risen|fall|fell|fallen|go up|gone up|go down|gone down|increase|decrease|drop|gain|grow|grew|grown|climb|jump|slip|decline|shrink|shrank|expand|contract|change|improve|worsen)\b)/i],
  ['amount', /\b(how much (money|cash|did|does|do|will|would|was|is|were|are|has|had|have)?|how many (thousand |million |billion )?(dollars|pounds|euros|yen|yuan|francs|marks|rupees|cents|pence)|what (price|cost|sum|fee|salary|fine|budget|value|amount of money)|(cost|paid|pay|worth|spend|spent|raise|raised|fined|sold for|bought for) how much)\b/i],
  ['count', /\b(how (many|much|far|long|big|large|old|often|tall|fast|high|low)|what (?:was |is |were )?the (?:final |half-time )?score|what (number|percentage|proportion|share|amount|rate|figure|total|size|age|level)|by how much|(what|which) per ?cent)\b/i],
  ['date', /\b(when|what (day|date|time|year|month|week|season)|which (day|date|year|month|week|season)|on what (day|date)|how long ago|since when|by what date)\b/i],
  ['place', /\b(where|in (which|what) (country|city|town|region|state|place|venue|stadium|county)|(which|what) (country|city|town|region|venue|stadium|county))\b/i],
  ['reason', /\b(why|what (caused|led to|prompted|triggered|was behind|is behind|drove|explains)|(for )?what reason|how come)\b/i],
  ['person', /\b(who|whom|whose|which (person|man|woman|player|minister|official|executive|boss|chief|actor|actress|singer|star|director|manager|coach|politician|leader|team member)|what(?:'s|’s| is| was) the name of)\b/i],
  ['name', /\b(which|what) (company|firm|team|club|film|movie|album|song|band|group|party|show|book|game|brand|product|programme|program|organisation|organization|bank|airline|network|console|device|award|prize|event|channel|website|site)\b/i],
];

/** The noun after "how much" ("how much wheat", "how much debt"), when a noun and not a verb or "more" follows. */
const HOW_MUCH_NOUN = /\bhow much (?!(?:money|cash|more|less|longer|further|else|of|the|a|an|his|her|its|their|this|that|these|those|did|does|do|will|would|was|is|were|are|has|had|have|can|could|should|might|must)\b)(\p{L}[\p{L}'’-]*)/iu;

/** The noun phrase after "how big a", "how large a" …: what is sized. */
const HOW_BIG_NOUN = /\bhow (?:big|large|high|hefty|generous|sizeable|sizable) an? ((?:[\p{L}'’-]+ ){0,3}[\p{L}'’-]+)/iu;

/** What a dictionary says of a noun: whether it is money owned or owed, and whether it is a sum or a quantity. */
export interface NounSenses {
  namesPossession(noun: string): boolean;
  namesMeasure(noun: string): boolean;
  namesFigure(noun: string): boolean;
}

/**
 * The kind a question's nouns make of it, where its wording alone cannot tell:
 * - "how much" asks for a sum of money ("how much debt does it carry") or for a quantity of something else ("how
 *   much wheat did it export": tonnes, not dollars); "how big a bonus" for a sum of money too;
 * - "what <thing>" asks for a figure when the thing is a sum or a quantity ("what interest rate", "what budget");
 * - a search-box query that ends on a sum or a quantity ("quarterly revenue", "ticket price", "harvest tonnage")
 *   asks for that figure: a number answers it.
 */
export function kindByNoun(kind: QuestionKind, question: string, nouns: NounSenses): QuestionKind {
  const howMuch = kind === 'amount' ? HOW_MUCH_NOUN.exec(question)?.[1] : undefined;
  if (howMuch !== undefined) return nouns.namesPossession(howMuch.toLowerCase()) ? kind : 'count';
  // "How big a bonus did she get?": the size of a sum of money is a sum of money.
  const sized = kind === 'count' ? headOf(HOW_BIG_NOUN.exec(question)?.[1]) : undefined;
  if (sized !== undefined && nouns.namesPossession(sized)) return 'amount';
  // "What interest rate does the loan carry?": a figure answers.
  const thing = kind === 'open' ? thingAsked(question) : undefined;
  if (thing !== undefined && nouns.namesFigure(thing)) return 'count';
  const last = kind === 'keywords' ? question.trim().split(/\s+/).at(-1)?.toLowerCase() : undefined;
  return last !== undefined && /^\p{L}+$/u.test(last) && nouns.namesMeasure(last) ? 'count' : kind;
}

/** "Which two bidders did the council name?", "What errors did the firm make?": the things a question asks for. */
const THING_ASKED = /^\s*(?:in |of |for |from |at |by |with )?(?:which|what) ((?:[\p{L}\p{N}-]+ ){0,3}?[\p{L}-]+) (?:did|does|do|was|were|is|are|had|has|have|will|would|could)\b/iu;

/** The noun a "which …" or "what …" question asks for, folded ("bidders" in "Which two bidders did the council name?"). */
export function thingAsked(question: string): string | undefined {
  return headOf(THING_ASKED.exec(question)?.[1]);
}

/** The last word of a noun phrase, which ends where the question goes on ("the doorman who …", "the driver in …"). */
export function headOf(phrase: string | undefined): string | undefined {
  const words = foldedWords(phrase ?? '');
  const end = words.findIndex((w) => isStopWord(w));
  return (end < 0 ? words : words.slice(0, end)).at(-1);
}

const YES_NO = /^(whether|is|are|was|were|do|does|did|has|have|had|can|could|will|would|should|shall|may|might|must)\b/i;
const QUESTION_WORD = /\b(who|whom|whose|what|which|when|where|why|how)\b/i;
/**
 * A subordinate clause that only sets the scene before the question ("when the treasurer cut rates, which
 * bank did he blame?", "after the merger, how many jobs …?"): the question's kind is read from what follows.
 * "When is the vote, …" is itself a question (an auxiliary follows "when"), so it is left alone.
 */
const LEADING_CLAUSE =
  /^(?:when|after|before|once|if|while|since|as|now that)\s+(?!(?:is|are|was|were|do|does|did|has|have|had|will|would|can|could|should|might|must)\b)[^,?]{3,}?,\s*(?=(?:who|whom|whose|what|which|when|where|why|how|is|are|was|were|do|does|did|has|have|had|will|would|can|could|should)\b)/i;

/**
 * A topic named first, then the question about it after a colon or dash ("The harbour fees: who set them?",
 * "Tarvin's new bridge - when does it open?"): chat writes questions so.
 */
const FRONTED_TOPIC =
  /^(?!(?:who|whom|whose|what|which|when|where|why|how|is|are|was|were|do|does|did|has|have|had|will|would|can|could|should)\b)[^?:;–—]{3,}?(?:\s*[:;–—]\s*|\s+-\s+)(?=(?:who|whom|whose|what|which|when|where|why|how|is|are|was|were|do|does|did|has|have|had|will|would|can|could|should)\b)/i;

/**
 * The answer kind a question asks for, read from its leading question phrase: in "Which firm was she running
 * when she resigned?" the kind comes from "Which firm", not from the later "when".
 */
export function questionKind(question: string): QuestionKind {
  const text = question.trim();
  const asked = LEADING_CLAUSE.exec(text) ?? FRONTED_TOPIC.exec(text);
  if (asked) return questionKind(text.slice(asked[0].length));
  const lead = QUESTION_WORD.exec(text)?.index ?? 0;
  for (const [kind, re] of PATTERNS) {
    const at = re.exec(text)?.index;
    if (at !== undefined && at <= lead + 2) return kind;
  }
  // "Which part of the country …", "which team …": any other "which" asks to name one of something.
  if (/^\s*(in |of |for |from |at |by |with )?which\b/i.test(text)) return 'name';
  if (YES_NO.test(text)) return 'yes-no';
  if (!QUESTION_WORD.test(text) && !text.endsWith('?') && text.split(/\s+/).length <= 8) return 'keywords';
  return 'open';
}

const SPEAKER = new RegExp(
  `\\b(?:what|how)\\s+(?:did|does|do|has|have|had|was|is|were)\\s+([\\p{L}\\s'’.-]{2,60}?)\\s+(${SAYING.join('|')}|talk|speak|discuss|respond|react)\\b`,
  'iu',
);

/**
 * Who a speech question asks about and the verb it asks with: "Pell" and "say" in "What did Pell
 * say about the bridge?"; null when the question does not put it that way.
 */
export function speakerOf(question: string): { speaker: string; verb: string } | null {
  const m = SPEAKER.exec(question);
  return m ? { speaker: m[1]!, verb: m[2]!.toLowerCase() } : null;
}

/**
 * The words that name the kind of answer ("how many", "which news agency", "on what day") rather than its
 * topic: removed before the question's words are weighed, so they never count as evidence never found.
 */
export function withoutKindWords(question: string): string {
  const asked = question.replace(REQUEST, ' ').replace(THE_COVERAGE, ' ').replace(WHAT_IS_SAID, '$1').replace(PRICE_AT, ' $1 ');
  return PATTERNS.reduce((text, [kind, re]) => (kind === 'speech' || kind === 'name' || kind === 'person' ? text : text.replace(re, ' ')), asked);
}

/** The coverage itself, named as the place to look ("what do the sources say about …", "in the articles"). */
const THE_COVERAGE =
  /\b(?:(?:what|anything)\s+(?:do|does|did|is there|have)?\s*(?:in\s+)?the (?:coverage|sources?|articles?|reports?|stories|news)(?:\s+(?:say|said|have|has))?(?:\s+(?:about|on))?|(?:in|according to|from) the (?:coverage|sources|articles|reports|stories))\b/gi;

/** "What is known about …", "what do they write about …" (or a Ukrainian or Russian question read so): asking what the coverage says. */
const WHAT_IS_SAID = /^(\s*what\s+)(?:(?:is|was)\s+)?(?:(?:do|did|are)\s+they\s+)?(?:known|write|writing|wrote)\b/i;

/**
 * How a chat request opens ("Tell me about …", "Summarise …", "Compare …", "I'd like to know …"): the asking,
 * not what is asked about, so its words are not looked for in the coverage.
 */
const REQUEST =
  /^\s*(?:please\s+)?(?:(?:can|could|would|will) you\s+(?:please\s+)?)?(?:tell me(?:\s+(?:everything|all|more))?(?:\s+(?:about|on))?|summari[sz]e|list|compare|explain|describe|give me|show me|find(?:\s+me)?|search(?:\s+for)?|look up|what do you know about|i(?:'d| would) like to know|i want to know)\b/i;
