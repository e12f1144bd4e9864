import type { ParsedQuery } from '../search/query.js';
import type { QuestionKind } from '../search/question-kind.js';
import { answerPositions, attributedToPronoun, holdsQuotation, saysStem, surnamesOf } from './answer-spans.js';
import type { ArticleSentence, ArticleView } from './article-view.js';
import { speakerOf } from '../search/question-kind.js';
import { foldedWords } from '../text/fold.js';
import { continuesSentenceBefore, lightStem, pointsBack } from '../text/terms.js';
import { share, unionCredits, wordCredits, type MatchQuery } from './matching.js';
import { creditRoles, rolesBySurname } from './roles.js';
import { acronymCredits, creditAcronyms } from './acronyms.js';
import { countingReader, OTHER_COUNT } from './counting.js';

/**
 * What the ranker knows about a sentence as an answer to a question. Every feature is on a 0–1 scale, so
 * learned weights compare across them. The order is the order of the weights in ranker-weights.json.
 */
export const FEATURES = [
  'coverage', // share of the question's weight the sentence says (own words or expansions)
  'ownWords', // the same, counting the asker's own words only
  'window', // the sentence with its neighbours
  'asked', // share of what is asked about the named things (the question's words that are not names)
  'article', // the whole article with its title
  'kind', // holds an answer of the kind asked for (a number for "how many", ...)
  'kindNear', // ... close to the question's words
  'kindMissing', // the question asks for a kind of answer (a number, a date, a name) the sentence lacks
  'phrase', // question word pairs that stand side by side
  'fullText', // BM25 rank of the passage
  'vector', // embedding similarity of the passage
  'articleRank', // retrieval rank of the article
  'lead', // first sentences of an article summarise it
  'short', // fewer than 8 words: rarely answers alone
  'density', // the matched words against the sentence's length
] as const;

/** How retrieval ranked a passage (1-based ranks, null when a list did not return it). */
export interface PassageRanks {
  ftsRank: number | null;
  similarity: number | null;
}

export interface SentenceCandidate {
  view: ArticleView;
  sentence: ArticleSentence;
  features: number[];
  /** Share of the question's weight the sentence's window says: what the evidence gate reads. */
  window: number;
  /** Same, for the article as a whole. */
  article: number;
  /** Share of the question's topic words (not names) the window says: a near miss names the right thing but not this. */
  attributes: number;
  /** Whether the article says every number the asker wrote ("the 2010 final"): numbers are never put in other words. */
  saysNumbers: boolean;
  /** Whether the article says every specific name the question gives ("Pellinger"): one without it is another story. */
  saysNames: boolean;
  /** Whether the article says every name the question gives, in some way ("Brill"; "Norway" for "Oslo"). */
  saysEveryName: boolean;
}

/** How much of a name an article says a sentence that does not write it still says: the article is about it. */
const NAMED_BY_ARTICLE = 0.5;
/** How much of the sentence before a sentence continuing it ("As a result, …") says. */
const CONTINUED = 0.5;

/**
 * What each sentence says of the question. The names the question gives are read through the article:
 * - a sentence that opens with a pronoun says the names the sentence before it said: people ask about the band
 *   by name, the article names it once and then writes "their";
 * - any other sentence of an article that names them says them at half credit, since the article is about
 *   them, so within the right article the sentence saying what is asked about them can win.
 */
function sentenceCredits(view: ArticleView, query: ParsedQuery, match: MatchQuery): number[][] {
  const names = query.names.flatMap((isName, i) => (isName ? [i] : []));
  const roles = rolesBySurname(view.sentences, match);
  const acronyms = acronymCredits(view.sentences, match);
  const out: number[][] = [];
  for (const sentence of view.sentences) {
    const own = wordCredits(sentence.stems, match);
    creditRoles(own, sentence, roles);
    creditAcronyms(own, sentence, acronyms);
    const before = out.at(-1);
    if (before && pointsBack(sentence.tokens[0]?.raw)) for (const i of names) own[i] = Math.max(own[i]!, before[i]!);
    if (before && continuesSentenceBefore(sentence.text)) own.forEach((c, i) => (own[i] = Math.max(c, before[i]! * CONTINUED)));
    out.push(own);
  }
  const named = unionCredits([wordCredits(view.about, match), ...out]);
  for (const own of out) for (const i of names) own[i] = Math.max(own[i]!, named[i]! * NAMED_BY_ARTICLE);
  return out;
}

const CONVERSATION_VERBS = new Set(['talk', 'speak', 'discuss']);

/** How a speech question reads a sentence: whether it names who speaks, and whether its reported speech is beside the point. */
function speechReading(query: ParsedQuery, match: MatchQuery) {
  // Who speaks: the names the question makes the subject of "say" ("What did X say about Portugal …?"), else any.
  const asking = speakerOf(query.english);
  const speakerWords = asking === null ? null : new Set(foldedWords(asking.speaker));
  const speakers = match.stems.filter((_, i) => query.names[i] && (speakerWords?.has(query.words[i]!) ?? true));
  // "What did they talk about" asks what was discussed: a sentence reporting one of them saying something is not
  // that, unless it says they talked (or discussed, or spoke) too.
  const conversation = asking !== null && CONVERSATION_VERBS.has(asking.verb) ? lightStem(asking.verb) : null;
  const speakerNamed = (s: ArticleSentence | undefined) => s !== undefined && speakers.some((n) => s.stems.set.has(n));
  // "…, he said" reports the speaker the sentence before names.
  const reportsSpeaker = (s: ArticleSentence, before: ArticleSentence | undefined) =>
    speakerNamed(s) || (attributedToPronoun(s.text) && speakerNamed(before));
  const reportsSomethingElse = (s: ArticleSentence, before: ArticleSentence | undefined) =>
    query.kind === 'speech' &&
    !holdsQuotation(s.text) &&
    ((speakers.length > 0 && !reportsSpeaker(s, before)) || (conversation !== null && !s.stems.set.has(conversation)));
  return { speakerNamed, reportsSomethingElse };
}

const SPECIFIC_KINDS = new Set<QuestionKind>(['count', 'amount', 'date', 'place', 'person', 'name', 'source', 'speech']);
const proximity = (distance: number) => 1 / (1 + distance / 4);

/**
 * How well the sentence holds an answer of the kind asked for: a speaker's own words, quoted, answer "what did X
 * say" better than the same said in reported speech.
 */
function answerKind(kind: QuestionKind, answers: number[], text: string): number {
  if (answers.length === 0) return 0;
  return kind === 'speech' && !holdsQuotation(text) ? REPORTED_SPEECH : 1;
}
const REPORTED_SPEECH = 0.5;

/** Features of every sentence of one retrieved article. */
export function articleFeatures(
  view: ArticleView,
  articleRank: number,
  query: ParsedQuery,
  match: MatchQuery,
  ranks: (passageId: number) => PassageRanks | undefined,
): SentenceCandidate[] {
  const credits = sentenceCredits(view, query, match);
  const articleCredits = unionCredits([wordCredits(view.about, match), ...credits]);
  const article = share(articleCredits, match.weights);
  const saysNumbers = query.words.every((w, i) => !/\d/.test(w) || articleCredits[i] === 1);
  const saysNames = match.specific.every((specific, i) => !specific || articleCredits[i]! > 0);
  const saysEveryName = query.names.every((named, i) => !named || articleCredits[i]! > 0);
  const asked = new Set([...match.stems, ...match.expansions.flatMap((e) => e.stems)]);
  const namedStems = new Set(match.stems.filter((_, i) => query.names[i]));
  // Untranslated words (past query.words) cannot be checked as attributes: the names and the rest must do.
  const attributeWeights = match.weights.map((w, i) => (i >= query.words.length || query.names[i] ? 0 : w));
  const hasAttributes = attributeWeights.some((w) => w > 0);
  const { speakerNamed, reportsSomethingElse } = speechReading(query, match);
  const countsWhatIsAsked = countingReader(query, match);
  const surnames = query.kind === 'person' ? surnamesOf(view.sentences) : new Set<string>();
  return view.sentences.map((sentence, i) => {
    const own = credits[i]!;
    const windowCredits = unionCredits([credits[i - 1] ?? [], own, credits[i + 1] ?? []].filter((c) => c.length));
    const matchedAt = sentence.tokens.flatMap((t, j) => (saysStem(t, asked) ? [j] : []));
    const found = answerPositions(query.kind, sentence.text, sentence.tokens, asked, namedStems, surnames);
    // Reported speech answers "what did X say" only when it reports X: "Y revealed …" is not what X said.
    // A question naming no one ("what did the analyst say") takes any speaker.
    const answers = reportsSomethingElse(sentence, view.sentences[i - 1]) ? [] : found;
    let near = 0;
    for (const a of answers) for (const m of matchedAt) near = Math.max(near, proximity(Math.abs(a - m)));
    // A quotation answers "what did X say" when X is named beside it: in the sentence or the one before or after.
    // Reported speech names its speaker as the verb's subject, so its words must be near as usual. Looked at only
    // for speech questions: the quotation test scans the sentence, and every sentence of 8 articles is a candidate.
    const quotesSpeaker = () => holdsQuotation(sentence.text) && [i - 1, i, i + 1].some((j) => speakerNamed(view.sentences[j]));
    if (query.kind === 'speech' && answers.length > 0 && quotesSpeaker()) near = 1;
    // "How many women …": a number that counts women answers it outright; "a £4m grant" beside them, at half.
    const counts = answers.length === 0 ? null : countsWhatIsAsked(sentence.tokens, answers);
    if (counts) near = 1;
    const r = ranks(sentence.passageId);
    const pairs = sentence.stems.sequence.slice(1).map((s, j) => `${sentence.stems.sequence[j]} ${s}`);
    const phrase = query.bigrams.filter((b) => pairs.includes(b)).length;
    const coverage = share(own, match.weights);
    const window = share(windowCredits, match.weights);
    const features = [
      coverage,
      share(own.map((c) => (c === 1 ? 1 : 0)), match.weights),
      window,
      hasAttributes ? share(own, attributeWeights) : coverage,
      article,
      counts === false ? OTHER_COUNT : answerKind(query.kind, answers, sentence.text),
      near,
      SPECIFIC_KINDS.has(query.kind) && answers.length === 0 ? 1 : 0,
      Math.min(1, phrase / 2),
      r?.ftsRank ? 1 / Math.sqrt(r.ftsRank) : 0,
      Math.max(0, r?.similarity ?? 0),
      1 / articleRank,
      sentence.index === 0 ? 1 : sentence.index === 1 ? 0.5 : 0,
      sentence.tokens.length < 8 ? 1 : 0,
      Math.min(1, (matchedAt.length / Math.max(sentence.tokens.length, 1)) * 3),
    ];
    const attributes = hasAttributes ? share(windowCredits, attributeWeights) : 1;
    return { view, sentence, features, window, article, attributes, saysNumbers, saysNames, saysEveryName };
  });
}
