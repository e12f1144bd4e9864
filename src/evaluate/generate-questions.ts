import { tokenize } from '../answer/answer-spans.js';
import { isStopWord, pointsBack } from '../text/terms.js';
import type { Random } from '../util/random.js';
import type { WordNet } from '../wordnet/wordnet.js';

/** A question made from one sentence, with the sentence that answers it. */
export interface GeneratedQuestion {
  question: string;
  /** The sentence the question was made from: the answer. */
  answer: string;
  style: 'count' | 'amount' | 'date' | 'person' | 'keywords';
}

export { seededRandom, type Random } from '../util/random.js';

const MONTH_OR_DAY = /^(january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today)$/i;

/** Where the answer is and what kind it is: the first money, number, date or name span of the sentence. */
function answerSpan(words: string[]): { from: number; to: number; style: GeneratedQuestion['style'] } | null {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (/^[£$€]\d/.test(w)) return { from: i, to: i + 1, style: 'amount' };
    if (MONTH_OR_DAY.test(w.replace(/[,.]$/, ''))) return { from: i, to: i + 1, style: 'date' };
    if (/^\d[\d,.]*%?$/.test(w) && !/^(19|20)\d\d$/.test(w)) {
      const scaled = /^(million|mln|billion|bln|pct|per)/i.test(words[i + 1] ?? '') ? 1 : 0;
      const money = /^(dlrs|dollars|pounds|stg|yen|marks|francs|euros)/i.test(words[i + 1 + scaled] ?? '');
      return { from: i, to: i + 1 + scaled + Number(money), style: money ? 'amount' : 'count' };
    }
  }
  for (let i = 1; i + 1 < words.length; i++) {
    if (/^\p{Lu}\p{Ll}+$/u.test(words[i]!) && /^\p{Lu}\p{Ll}+[,.]?$/u.test(words[i + 1]!) && !isStopWord(words[i]!.toLowerCase())) {
      return { from: i, to: i + 2, style: 'person' };
    }
  }
  return null;
}

/** The capitalised words of a sentence after its first word: what a pronoun in the next sentence may stand for. */
function namesIn(sentence: string): string[] {
  return sentence.split(/\s+/).slice(1).filter((w) => /^\p{Lu}/u.test(w) && !isStopWord(w.toLowerCase()));
}

const OPENERS: Record<GeneratedQuestion['style'], string> = {
  count: 'how many',
  amount: 'how much',
  date: 'when',
  person: 'who',
  keywords: '',
};

/**
 * A question a person might ask of a sentence, the way reading-comprehension data is made from text: the
 * answer span is removed and a question word put in front; then some words are said in WordNet synonyms
 * and some dropped, since askers rarely repeat an article's wording. One in four becomes a keyword query.
 */
export function questionFromSentence(sentence: string, context: { title: string; previous: string }, wordnet: WordNet, random: Random): GeneratedQuestion | null {
  const words = sentence.replace(/\s+/g, ' ').trim().split(' ');
  if (words.length < 10 || words.length > 45) return null;
  const span = answerSpan(words);
  const keywords = !span || random() < 0.25;
  const said = keywords ? words : [...words.slice(0, span!.from), ...words.slice(span!.to)];
  // Nobody asks "what was their first hit": the asker names what the pronoun stands for, as the sentence before did.
  const own = pointsBack(said[0]) && context.previous ? [...namesIn(context.previous), ...said.slice(1)] : said;
  // An answer sentence often names its subject only in the sentence before ("The £200 devices ..."): some
  // questions take their topic from there, so the ranker learns to read a sentence with its neighbours.
  const leaning = !keywords && context.previous && random() < 0.3;
  const rest = leaning ? [...context.previous.split(/\s+/), ...own.filter(() => random() < 0.2)] : own;
  const content = rest
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => w.length > 0 && (!keywords || !isStopWord(w.toLowerCase())));
  // Askers often name the story as its headline does rather than as the answer sentence does: then the
  // sentence's own names go, and the ranker learns to find the sentence by what is asked about them.
  const namedByTitle = !keywords && random() < 0.4;
  const reworded = content.flatMap((w, i) => {
    if (namedByTitle && i > 0 && /^\p{Lu}/u.test(w)) return [];
    if (random() < 0.55) return [];
    if (/^\p{Lu}/u.test(w) || isStopWord(w.toLowerCase()) || random() < 0.4) return [w];
    const synonym = wordnet.related(w.toLowerCase(), { maxSenses: 1, relations: ['synonym'] })[0];
    return [synonym ? synonym.text : w];
  });
  // People name the story as its headline does, then ask about the detail: a word or two of the title joins in.
  const title = context.title === context.title.toUpperCase() ? context.title.toLowerCase() : context.title;
  const titleShare = namedByTitle ? 0.6 : 0.3;
  const titleWords = title.split(/\s+/).filter((w) => w.length > 3 && !isStopWord(w.toLowerCase()) && random() < titleShare);
  const kept = keywords ? [...titleWords, ...reworded].slice(0, 3 + Math.floor(random() * 4)) : [...reworded, ...titleWords];
  if (tokenize(kept.join(' ')).length < 3) return null;
  const style = keywords ? 'keywords' : span!.style;
  const question = keywords ? kept.join(' ') : `${OPENERS[style]} ${kept.join(' ')}?`;
  return { question, answer: sentence, style };
}
