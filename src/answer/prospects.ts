import { saysStem, type Token } from './answer-spans.js';

/**
 * Words that put what follows them in doubt or in the future: "If found guilty, he could face …", "the case is
 * set to be heard on 20 December". "Will" and "would" are left out: news writes agreed deals that way ("said it
 * would buy the stake for …"), and those answer what was paid.
 */
const PROSPECT =
  /\b(?:if|unless|could|might|may|should|(?:is|are|was|were|be) (?:set|due|scheduled|expected|likely|planned|poised) to|(?:plans?|planning|aims?|hopes?|intends?) to|yet to|awaiting|pending)\b/gi;
/** A clause ends at these: the doubt "if" casts stops at the comma after its condition. */
const CLAUSE_END = /[,;:.!?()—–]/g;

/** Which tokens of a sentence stand in a clause a prospect word opens. */
export function prospectiveTokens(text: string, tokens: Token[]): boolean[] {
  const framed = tokens.map(() => false);
  for (const m of text.matchAll(PROSPECT)) {
    const from = m.index + m[0].length;
    CLAUSE_END.lastIndex = from;
    const to = CLAUSE_END.exec(text)?.index ?? text.length;
    tokens.forEach((t, i) => (framed[i] ||= t.at >= from && t.at < to));
  }
  return framed;
}

/** A question about what did happen: "was he found guilty", "what did the court decide" (not "will", "could", "plan"). */
const SETTLED = /\b(?:did|was|were|had|has been|have been)\b/i;
/** A question that itself asks about a prospect, or about what someone said would happen. */
const OPEN_OR_FUTURE = /\b(?:will|would|shall|going to|expect\w*|due|scheduled|next|upcoming|likely|possibl\w*|say|said|tell|told|think|predict\w*|forecast\w*)\b/i;
export const asksWhatHappened = (question: string): boolean =>
  SETTLED.test(question) && !OPEN_OR_FUTURE.test(question) && !new RegExp(PROSPECT.source, 'i').test(question);

export interface SentenceTokens {
  text: string;
  tokens: Token[];
}

/**
 * The question's words a sentence says as a prospect ("found", "guilty" in "If found guilty, Mr Ebbers could face
 * …" of a story written before the verdict), when one of them the article it comes from never says otherwise.
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
