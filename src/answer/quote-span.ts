import { holdsQuotation, isReportingVerb } from './answer-spans.js';
import type { ArticleSentence } from './article-view.js';
import type { SentenceCandidate } from './features.js';

/** An exact span of an article: one sentence, or a few adjacent ones that read together. */
export interface Quote {
  text: string;
  start: number;
  end: number;
  /** Article positions of the sentences it holds. */
  sentences: number[];
}

/** Ends by handing over to a quotation: "…, he told reporters:", "The minister said,", "… answered by saying,". */
const INTRODUCES = /(:|\b(told [\p{L} ]{1,30}|wrote|according to [\p{L} ]{1,40}),)\s*$/iu;
const ENDS_WITH_REPORTING_VERB = /(\p{L}+),\s*$/u;
const introduces = (text: string) => INTRODUCES.test(text) || isReportingVerb(ENDS_WITH_REPORTING_VERB.exec(text)?.[1] ?? '');
const SHORT_WORDS = 8;
const MAX_SENTENCES = 3;

const OPENS_WITH_QUOTATION = /^\s*["“«]/u;
const reportsSpeech = (s: ArticleSentence) => s.tokens.some((t) => isReportingVerb(t.raw));

/**
 * A speaker's words that go on in the next sentence: an attributed quotation ('"Flour will not get cheaper,"
 * said Brennt.') followed by a quotation attributed to no one ('"The rye harvest is small."'): the same speaker's.
 */
function quotationGoesOn(sentence: ArticleSentence, next: ArticleSentence | undefined): boolean {
  const attributed = holdsQuotation(sentence.text) && reportsSpeech(sentence);
  return attributed && next !== undefined && OPENS_WITH_QUOTATION.test(next.text) && !reportsSpeech(next);
}

function openQuotation(text: string): boolean {
  const straight = (text.match(/"/g) ?? []).length;
  const opening = (text.match(/[“«]/g) ?? []).length;
  const closing = (text.match(/[”»]/g) ?? []).length;
  return straight % 2 === 1 || opening > closing;
}

/**
 * The quote for a chosen sentence: it takes along a neighbour that holds the kind of answer asked for when it
 * lacks one, carries the quotation it introduces or leaves open (and, with `wholeQuotation`, the one that goes
 * on in the next sentence), and a sentence too short to read alone takes its neighbour. Only sentences of the
 * same passage are joined, so the citation's passage holds the whole quote.
 */
export function quoteAround(
  candidate: SentenceCandidate,
  holdsAnswerKind: (sentenceIndex: number) => boolean,
  alreadyQuoted: (sentenceIndex: number) => boolean = () => false,
  wholeQuotation = false,
): Quote {
  const { view, sentence } = candidate;
  // A neighbour another citation already quotes is not quoted again: the reader would get it twice.
  const same = (s: ArticleSentence | undefined) => (s && s.passageId === sentence.passageId && !alreadyQuoted(s.index) ? s : undefined);
  let first = sentence;
  let last = sentence;
  // The sentence about the topic, with its neighbour that holds what was asked for (the name, the date, "Source: …").
  if (!holdsAnswerKind(sentence.index)) {
    const next = same(view.sentences[sentence.index + 1]);
    const previous = same(view.sentences[sentence.index - 1]);
    if (next && holdsAnswerKind(next.index)) last = next;
    else if (previous && holdsAnswerKind(previous.index)) first = previous;
  }
  while (last.index - first.index + 1 < MAX_SENTENCES && (introduces(last.text) || openQuotation(textOf(view.sentences, first, last)))) {
    const next = same(view.sentences[last.index + 1]);
    if (!next) break;
    last = next;
  }
  // Asked what someone said, the reader gets the rest of what they said.
  const following = same(view.sentences[sentence.index + 1]);
  if (wholeQuotation && first === last && following && quotationGoesOn(sentence, following)) last = following;
  if (first === last && sentence.tokens.length < SHORT_WORDS) {
    const previous = same(view.sentences[sentence.index - 1]);
    const next = same(view.sentences[sentence.index + 1]);
    if (previous && !introduces(previous.text)) first = previous;
    else if (next) last = next;
  }
  const passage = view.passages.get(sentence.passageId)!;
  const text = passage.text.slice(first.start - passage.start, last.end - passage.start);
  const indexes = view.sentences.slice(first.index, last.index + 1).map((s) => s.index);
  return { text, start: first.start, end: last.end, sentences: indexes };
}

function textOf(sentences: ArticleSentence[], first: ArticleSentence, last: ArticleSentence): string {
  return sentences.slice(first.index, last.index + 1).map((s) => s.text).join(' ');
}
