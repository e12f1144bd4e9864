import type { Passage } from '../domain.js';
import { splitSentences } from '../text/sentences.js';
import { tokenize, type Token, type WordKeys } from './answer-spans.js';
import type { StemText } from './matching.js';

/** One sentence of an article, with what the answer stage needs to score it. */
export interface ArticleSentence {
  /** Position in the article (0 = first sentence). */
  index: number;
  /** Offsets in the article's cleaned text. */
  start: number;
  end: number;
  text: string;
  tokens: Token[];
  stems: StemText;
  passageId: number;
  groupId: number;
}

/** An article split into sentences once; cached across questions by the caller. */
export interface ArticleView {
  documentId: string;
  /** What the article says about itself (title, outlet, author, date): evidence of topic, never quoted. */
  about: StemText;
  sentences: ArticleSentence[];
  /** Text and article offset of each passage, so quotes of adjacent sentences are copied exactly. */
  passages: Map<number, { start: number; text: string }>;
}

/** The stems of a text's words in order, and as a set with the keys of its words (Ukrainian, Russian, or the article's Latin language) too. */
export function stemText(tokens: Pick<Token, 'stem' | 'keys'>[]): StemText {
  const sequence = tokens.map((t) => t.stem);
  return { set: new Set([...sequence, ...tokens.flatMap((t) => t.keys)]), sequence };
}

/** `wordKeys`: the keys of the article's words, when its language has them (German, French, Spanish, Italian, Portuguese). */
export function viewArticle(documentId: string, about: string, passages: (Passage & { groupId: number })[], wordKeys: WordKeys | null = null): ArticleView {
  const sentences: ArticleSentence[] = [];
  for (const p of passages) {
    for (const span of splitSentences(p.text)) {
      const text = p.text.slice(span.start, span.end);
      const tokens = tokenize(text, wordKeys);
      sentences.push({
        index: sentences.length,
        start: p.start + span.start,
        end: p.start + span.end,
        text,
        tokens,
        stems: stemText(tokens),
        passageId: p.id,
        groupId: p.groupId,
      });
    }
  }
  const texts = new Map(passages.map((p) => [p.id, { start: p.start, text: p.text }]));
  return { documentId, about: stemText(tokenize(about, wordKeys)), sentences, passages: texts };
}
