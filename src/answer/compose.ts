import type { Answer, Citation, SourceSummary } from '../domain.js';
import type { ParsedQuery } from '../search/query.js';
import { isUnreadLanguage } from '../search/unread-language.js';
import { stemSet } from '../text/terms.js';
import { FEATURES, type SentenceCandidate } from './features.js';
import { resolveDate } from '../text/dates-in-text.js';
import { rankScore, type RankerWeights } from './ranker.js';
import { quoteAround, type Quote } from './quote-span.js';
import { answerPositions } from './answer-spans.js';
import { nearMissOf, saysPlainly, type NearMiss, type NearMissLookups } from './near-misses.js';

export interface ComposeInput {
  query: ParsedQuery;
  /** Every sentence of the retrieved articles, with its features. */
  candidates: SentenceCandidate[];
  model: RankerWeights;
  k: number;
  source: (documentId: string) => SourceSummary;
  searched: number;
  gate: EvidenceGate;
  /** What the near-miss checks look up in the dictionary. */
  words: Pick<NearMissLookups, 'namesAPerson' | 'isVerb'>;
}

/**
 * When the coverage answers: the best sentence's article must say most of the question, the sentence and
 * its neighbours enough of it, and they must say what was asked about the named things (a near miss names
 * the right people but not the attribute asked for).
 */
export interface EvidenceGate {
  minArticle: number;
  minWindow: number;
  minAttributes: number;
}

export const DEFAULT_GATE: EvidenceGate = { minArticle: 0.55, minWindow: 0.4, minAttributes: 0.4 };
const MAX_PER_ARTICLE = 3;
/** A sentence wholly in brackets is an aside (a photo credit, an editor's note), never a statement to quote. */
const ASIDE = /^\s*[([][^()[\]]*[)\]]\s*$/u;
export const ABSTENTION = 'The coverage does not answer this question.';
export const WITHHELD_ABSTENTION = 'The coverage does not answer this question: the closest source says it was not made public.';
export const UNNAMED_ABSTENTION = 'The coverage does not answer this question: the closest source does not give the name.';
export const PROSPECT_ABSTENTION = 'The coverage does not answer this question: the closest source reports it only as expected or possible.';
export const LATER_ABSTENTION = 'The coverage does not answer this question: the closest source was published before then.';
export const UNREAD_LANGUAGE_ABSTENTION =
  'I cannot read questions in this language, so I cannot tell whether the coverage answers it: please ask in English, Ukrainian, Russian, German, French, Spanish, Italian or Portuguese.';
const NEAR_MISS_ABSTENTION: Record<NearMiss<unknown>['reason'], string> = {
  withheld: WITHHELD_ABSTENTION,
  unnamed: UNNAMED_ABSTENTION,
  prospect: PROSPECT_ABSTENTION,
  later: LATER_ABSTENTION,
};

type GateReading = Pick<SentenceCandidate, 'article' | 'window' | 'attributes' | 'saysNumbers' | 'saysNames'>;

export function passesGate(c: GateReading, gate: EvidenceGate): boolean {
  return articleSaysQuestion(c, gate) && c.window >= gate.minWindow && c.attributes >= gate.minAttributes;
}

/** The gate's test of the article as a whole. */
function articleSaysQuestion(c: Pick<GateReading, 'article' | 'saysNumbers' | 'saysNames'>, gate: EvidenceGate): boolean {
  return c.saysNumbers && c.saysNames && c.article >= gate.minArticle;
}

/**
 * The answer-type constraint of question answering: a sentence without a number cannot say "how many", nor
 * one without a date "when", nor one naming no person "who". Other names are left to the ranker, since
 * capitalised words are everywhere in news.
 */
const STRICT_KINDS = new Set(['count', 'amount', 'date', 'person']);
const TYPE_MISMATCH_PENALTY = 2;
/** A story that never names someone or something the question names is about something else, however well its words match. */
const NAME_MISSING_PENALTY = 2;
/** What a sentence's score loses for holding no answer of a strict kind, or for an article that misses a name asked. */
function penalty(query: ParsedQuery, candidate: SentenceCandidate): number {
  const typeMismatch = STRICT_KINDS.has(query.kind) && candidate.features[KIND_MISSING]! > 0;
  return (typeMismatch ? TYPE_MISMATCH_PENALTY : 0) + (candidate.saysEveryName ? 0 : NAME_MISSING_PENALTY);
}
const KIND_MISSING = FEATURES.indexOf('kindMissing');
const KIND = FEATURES.indexOf('kind');
const ASKED = FEATURES.indexOf('asked');
/** Kinds whose answer can sit in the sentence next to the one about the topic. */
const NEIGHBOUR_KINDS = new Set(['count', 'amount', 'date', 'place', 'person', 'name', 'source', 'speech']);

/** Same text told twice: most of the shorter quote's words are in the longer one. */
function nearDuplicate(a: string, b: string): boolean {
  const sa = stemSet(a);
  const sb = stemSet(b);
  const [small, large] = sa.size <= sb.size ? [sa, sb] : [sb, sa];
  if (small.size === 0) return false;
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return shared / small.size >= 0.7;
}

interface Chosen {
  quote: Quote;
  candidate: SentenceCandidate;
  score: number;
  alsoIn: string[];
}

function toCitation(c: Chosen, n: number, source: SourceSummary): Citation {
  return {
    n,
    documentId: source.id,
    passageId: c.candidate.sentence.passageId,
    file: source.file,
    title: source.title,
    outlet: source.outlet,
    author: source.author,
    published: source.published,
    url: source.url,
    quote: c.quote.text,
    start: c.quote.start,
    end: c.quote.end,
    score: Math.round(c.score * 1000) / 1000,
    alsoIn: [...new Set([...source.aliases, ...c.alsoIn])],
  };
}

/** Whether a sentence answers what the near miss left open: says the prospect as done, or was published since. */
function answersOpenMiss(miss: NearMiss<unknown>, c: SentenceCandidate, published: (documentId: string) => string | null): boolean {
  if (miss.reason === 'prospect') return saysPlainly(c, miss.words);
  if (miss.reason === 'later') return (published(c.view.documentId) ?? '') >= miss.since;
  return false;
}

/**
 * Builds an extractive answer. Every sentence of the retrieved articles is scored by the ranker; the best
 * ones are quoted exactly (with the sentence they lean on: a quotation's introduction, a short sentence's
 * neighbour), at most three per article, and copies of one text in several articles fold into one citation
 * ("also in"). Sentences of articles that say the question are cited before those of articles that only
 * share some of its words. The answer text is the best quote alone; the citations hold the rest.
 */
export function composeAnswer(input: ComposeInput): Omit<Answer, 'timingMs'> {
  const { query, source } = input;
  const ranked = input.candidates
    .filter((candidate) => !ASIDE.test(candidate.sentence.text))
    .map((candidate) => ({ candidate, score: rankScore(candidate.features, input.model) - penalty(query, candidate) }))
    .sort((a, b) => b.score - a.score);

  const bySentence = new Map(input.candidates.map((c) => [`${c.view.documentId}:${c.sentence.index}`, c]));
  const holdsKind = (documentId: string) => (index: number) =>
    NEIGHBOUR_KINDS.has(query.kind) && (bySentence.get(`${documentId}:${index}`)?.features[KIND] ?? 0) > 0;

  // The lead is the best-ranked sentence that passes the gate: a higher-ranked one that does not is no answer.
  // "Who bought the chain?" may be answered by a company: the ranker prefers a person's name, and the gate also
  // takes another name in a sentence that itself says what is asked ("Dunmore has agreed to buy the silos"),
  // not one beside it (another company named in the article is no answer about the mill).
  const asked = new Set(query.stems);
  const namesAnother = (c: SentenceCandidate) =>
    query.kind === 'person' && c.features[ASKED]! >= input.gate.minAttributes && answerPositions('name', c.sentence.text, c.sentence.tokens, asked).length > 0;
  const answersKind = (c: SentenceCandidate) =>
    !STRICT_KINDS.has(query.kind) || [-1, 0, 1].some((d) => holdsKind(c.view.documentId)(c.sentence.index + d)) || namesAnother(c);
  const answering = (r: (typeof ranked)[number]) => passesGate(r.candidate, input.gate) && answersKind(r.candidate);
  const best = query.words.length === 0 ? undefined : ranked.find(answering);
  const published = (documentId: string) => source(documentId).published;
  const miss = best && nearMissOf(query, ranked, best, { ...input.words, published });
  // A prospect or a story published too early leaves the question open: another story may say it as done.
  const lead = !miss ? best : ranked.find((r) => answering(r) && answersOpenMiss(miss, r.candidate, published));
  const weaker = { minArticle: input.gate.minArticle / 2, minWindow: input.gate.minWindow / 4, minAttributes: 0 };
  // Articles that say the question come first: another sentence of one of them is evidence, a sentence of an
  // article that merely shares some words is not.
  // Other stories may add to the answer though they do not name all the question names ("what did Brill and Quillon talk about").
  const rest = ranked.filter((r) => r !== lead && passesGate({ ...r.candidate, saysNames: true }, weaker));
  const saysQuestion = (r: (typeof rest)[number]) => articleSaysQuestion(r.candidate, input.gate);
  const closestFirst = miss?.closest;
  const order = lead
    ? [lead, ...rest.filter(saysQuestion), ...rest.filter((r) => !saysQuestion(r))]
    : closestFirst
      ? [closestFirst, ...ranked.filter((r) => r !== closestFirst)]
      : ranked;

  const chosen: Chosen[] = [];
  const perArticle = new Map<string, number>();
  const used = new Set<string>();
  for (const { candidate, score } of order) {
    if (chosen.length >= input.k) break;
    const documentId = candidate.view.documentId;
    if (used.has(`${documentId}:${candidate.sentence.index}`)) continue;
    const quote = quoteAround(candidate, holdsKind(documentId), (i) => used.has(`${documentId}:${i}`), query.kind === 'speech');
    const twin = chosen.find((c) => c.candidate.view.documentId !== documentId && nearDuplicate(c.quote.text, quote.text));
    if (twin) {
      twin.alsoIn.push(source(documentId).file);
      continue;
    }
    if ((perArticle.get(documentId) ?? 0) >= MAX_PER_ARTICLE) continue;
    perArticle.set(documentId, (perArticle.get(documentId) ?? 0) + 1);
    for (const i of quote.sentences) used.add(`${documentId}:${i}`);
    chosen.push({ quote, candidate, score, alsoIn: [] });
  }

  const top = chosen[0]?.candidate;
  const evidence = top ? Math.round(Math.min(top.article, top.window, top.attributes) * 1000) / 1000 : 0;
  if (!lead) {
    const closest = chosen.slice(0, 3).map((c, i) => toCitation(c, i + 1, source(c.candidate.view.documentId)));
    const answer = miss ? NEAR_MISS_ABSTENTION[miss.reason] : !query.translated && isUnreadLanguage(query.text) ? UNREAD_LANGUAGE_ABSTENTION : ABSTENTION;
    return { question: query.text, abstained: true, answer, citations: [], closest, searched: input.searched, evidence };
  }
  const accepted = chosen;
  const ordered = query.timeline ? inDateOrder(accepted, source) : accepted;
  const citations = ordered.map((c, i) => toCitation(c, i + 1, source(c.candidate.view.documentId)));
  const first = citations.find((c) => c.start === chosen[0]!.quote.start && c.documentId === chosen[0]!.candidate.view.documentId)!;
  const answer = `${first.quote.replace(/\s+/g, ' ')} [${first.n}]`;
  return { question: query.text, abstained: false, answer, citations, closest: [], searched: input.searched, evidence };
}

/** Timeline questions: the dates the sentences mention (or their article's date), oldest first. */
function inDateOrder(items: Chosen[], source: (id: string) => SourceSummary): Chosen[] {
  const dated = items.map((item) => {
    const published = source(item.candidate.view.documentId).published;
    return { item, date: resolveDate(item.quote.text, published) ?? published ?? '9999' };
  });
  return dated.sort((a, b) => a.date.localeCompare(b.date)).map((d) => d.item);
}
