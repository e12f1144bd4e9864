import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/answer/answer-spans.js';
import { asksWhatHappened, eventOnlyProspective, onlyProspective, prospectiveTokens, withoutLaterEvent } from '../../src/answer/prospects.js';
import { lightStem } from '../../src/text/terms.js';
import { openWordNet } from '../../src/wordnet/wordnet.js';

const sentence = (text: string) => ({ text, tokens: tokenize(text) });
const framedWords = (text: string) => {
  const s = sentence(text);
  const framed = prospectiveTokens(s.text, s.tokens);
  return s.tokens.filter((_, i) => framed[i]).map((t) => t.raw);
};
const stems = (...words: string[]) => new Set(words.map(lightStem));

describe('prospectiveTokens', () => {
  it('frames the clause a prospect word opens, up to the clause\'s end', () => {
    expect(framedWords('If convicted, Vossberg could face ten years.')).toEqual(['convicted', 'Vossberg', 'face', 'ten', 'years']);
    expect(framedWords('The appeal is set to be heard on 20 March, his lawyer said.')).toEqual(['be', 'heard', 'on', '20', 'March']);
  });

  it('frames what "will" foretells, what is sought and what someone has the power to do', () => {
    expect(framedWords('The trial will start early next year.')).toEqual(['The', 'trial', 'start', 'early', 'next', 'year']);
    expect(framedWords('Mr Orrin is seeking damages from the firm.')).toEqual(['damages', 'from', 'the', 'firm']);
    expect(framedWords('The board has the power to suspend him.')).toEqual(['suspend', 'him']);
  });

  it("frames a modal verb's subject, from the clause's start or the reporting verb: what will be is in doubt", () => {
    expect(framedWords('The union said that nearly 900 of the dockers in its ranks will march on Monday.')).toEqual([
      'nearly', '900', 'of', 'the', 'dockers', 'in', 'its', 'ranks', 'march', 'on', 'Monday',
    ]);
    expect(framedWords('Fares rose in May, and 40 routes could close.')).toEqual(['and', '40', 'routes', 'close']);
  });

  it('reads "said it would" as what was agreed, and May as the month', () => {
    expect(framedWords('The firm said it would pay 5 mln dlrs for the stake.')).toEqual([]);
    expect(framedWords('The plant closed in May after the sale.')).toEqual([]);
  });

  it('frames nothing in a sentence that says what happened', () => {
    expect(framedWords('The jury convicted Vossberg on Friday.')).toEqual([]);
  });
});

describe('onlyProspective', () => {
  const lead = sentence('If convicted of fraud, Vossberg could face ten years in prison.');

  it('gives the question words a sentence says as a prospect when the article never says one of them otherwise', () => {
    const article = [sentence('The trial of Vossberg opened on Monday.'), lead];
    expect(onlyProspective(lead, article, stems('rennick', 'convicted', 'fraud'))).toEqual(['convicted', 'fraud'].map(lightStem));
  });

  it('gives nothing when the article says those words as done elsewhere', () => {
    const article = [sentence('A jury convicted Vossberg of fraud on Friday.'), lead];
    expect(onlyProspective(lead, article, stems('rennick', 'convicted', 'fraud'))).toEqual([]);
  });

  it('gives nothing when most of what the sentence says of the question is plain fact', () => {
    const toll = sentence('Floods killed 40 people in Harwick, and the toll could rise in Lask.');
    expect(onlyProspective(toll, [toll], stems('floods', 'killed', 'people', 'lask'))).toEqual([]);
  });
});

describe('eventOnlyProspective', () => {
  const wordnet = openWordNet();
  const isVerb = (word: string) => wordnet.isVerb(word);
  const lead = sentence('A court on Tuesday awarded Tolvan Air $3bn over frozen fares.');
  const asked = stems('ministry', 'appeal', 'court', 'award');

  it('gives a verb of the question the article says only as possible, when the answer does not say it', () => {
    const article = [lead, sentence('The ministry may appeal the ruling.')];
    expect(eventOnlyProspective(lead, article, asked, isVerb)).toEqual([lightStem('appeal')]);
  });

  it('gives nothing when the article says it as done somewhere, or the answer says it', () => {
    const appealed = [lead, sentence('The ministry may appeal the ruling.'), sentence('The ministry appealed on Friday.')];
    expect(eventOnlyProspective(lead, appealed, asked, isVerb)).toEqual([]);
    const both = sentence('A court awarded Tolvan Air $3bn, and the ministry will appeal.');
    expect(eventOnlyProspective(both, [both], asked, isVerb)).toEqual([]);
  });

  it('leaves nouns alone: what a prospect names is no event', () => {
    const article = [lead, sentence('The ministry could face an inquiry.')];
    expect(eventOnlyProspective(lead, article, stems('ministry', 'inquiry'), isVerb)).toEqual([]);
  });
});

describe('asksWhatHappened', () => {
  it('tells questions about what happened from questions about prospects or what was said', () => {
    expect(asksWhatHappened('Was Vossberg convicted of fraud?')).toBe(true);
    expect(asksWhatHappened('What did the court decide at the hearing?')).toBe(true);
    expect(asksWhatHappened('What could Vossberg face if convicted?')).toBe(false);
    expect(asksWhatHappened('Which gadget did the editor say is likely to sell best?')).toBe(false);
    expect(asksWhatHappened('When will the trial open?')).toBe(false);
    expect(asksWhatHappened('How big a surplus was the bill sale meant to absorb?')).toBe(false);
    // What someone wanted or proposed is answered by the proposal itself ("payments should be …").
    expect(asksWhatHappened('What split did the Harwick trader want for the payments?')).toBe(false);
    expect(asksWhatHappened('Which site did the council propose for the depot?')).toBe(false);
  });
});

describe('withoutLaterEvent', () => {
  it('leaves out the words of a later event the question dates by', () => {
    const asked = withoutLaterEvent('What did the band do before the reunion shows?', ['band', 'reunion', 'show']);
    expect([...asked]).toEqual(['band']);
    expect([...withoutLaterEvent('What did the band do after the shows?', ['band', 'show'])]).toEqual(['band', 'show']);
  });
});

describe('asksWhatHappened without an auxiliary', () => {
  it('reads a past tense as asking what happened, but not a participle after an article', () => {
    expect(asksWhatHappened('How many passengers used their phones as tickets?')).toBe(true);
    expect(asksWhatHappened('Who won the Harwick final?')).toBe(true);
    expect(asksWhatHappened('Who leads the armed forces?')).toBe(false);
    expect(asksWhatHappened('How many passengers does the line carry?')).toBe(false);
  });
});
