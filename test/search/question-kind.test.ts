import { describe, expect, it } from 'vitest';
import { openWordNet } from '../../src/wordnet/wordnet.js';
import { kindByNoun, questionKind, speakerOf, withoutKindWords } from '../../src/search/question-kind.js';

describe('questionKind', () => {
  it.each([
    ['Who will chair the Hollin Trust next year?', 'person'],
    ['When did the Ostrel ferry resume its sailings?', 'date'],
    ['On what day did the Ostrel ferry resume its sailings?', 'date'],
    ['Where did Velmora Bakeries open its second shop?', 'place'],
    ['How many engineers did Brindle Labs hire?', 'count'],
    ['What percentage of orders arrived late?', 'count'],
    ['What level does the union want the tax cut to?', 'count'],
    ['What was the score when Harwick beat Lask?', 'count'],
    ['How much did Brindle Labs pay for the warehouse?', 'amount'],
    ['What price did the warehouse sell for?', 'amount'],
    ['How many million dollars did Brindle Labs raise?', 'amount'],
    ['How much did silver go up last month?', 'count'],
    ['By how much does the Harwick mill want to raise its output?', 'count'],
    ['How much did the Harwick mill raise in its share sale?', 'amount'],
    ['How much did Brindle Labs pay after prices went up?', 'amount'],
    ['Which company bought the Velmora brewery?', 'name'],
    ['Why did the ferry operator cancel the crossings?', 'reason'],
    ['What did Tomas Ferreira say about the merger?', 'speech'],
    ['What did the harbour board announce about the tariffs?', 'speech'],
    ['Who reported the workshop closure first?', 'source'],
    ['Did the council approve the bridge budget?', 'yes-no'],
    ['Is the Ostrel ferry running again?', 'yes-no'],
    ['ferry timetable changes Ostrel', 'keywords'],
    ['What happened at the harbour festival?', 'open'],
    ['What was Ostrel stock trading at after the board said it would not pay a dividend?', 'amount'],
    ['what did Tessary shares close at', 'amount'],
    ['How much of the final vote will the public decide?', 'count'],
    ["What's the name of the guard the singer fought?", 'person'],
    ['Which Harwick news site is cited for the minister\'s reply?', 'source'],
    ['which website first published the ferry video', 'source'],
    ['What is the film she is making called?', 'name'],
    ['What did the minister say the plan was called?', 'speech'],
    ['The Brask harbour fees: who set them?', 'person'],
    ['Tarvin bridge - when does it reopen?', 'date'],
    ['the Quell pact: which councils have joined it?', 'name'],
  ] as const)('%s → %s', (question, kind) => {
    expect(questionKind(question)).toBe(kind);
  });

  it('lets the leading question phrase decide, not a later question word', () => {
    expect(questionKind('What plan was she drafting when she resigned?')).not.toBe('date');
    expect(questionKind('What plan was she drafting when she resigned?')).toBe('open');
    expect(questionKind('Who was in the room when the vote was taken?')).toBe('person');
    expect(questionKind('Why did prices fall when the harvest came in?')).toBe('reason');
  });

  it('reads the question after a leading clause that only sets the scene, not the clause\'s "when"', () => {
    expect(questionKind('when the treasurer cut rates for the third time, which bank did he blame?')).toBe('name');
    expect(questionKind('after the Harwick mill merger, how many jobs were cut?')).toBe('count');
    expect(questionKind('As ferry fares rose, who gained most?')).toBe('person');
    expect(questionKind('When the deal closed, did shares rise?')).toBe('yes-no');
    // "When is …" is a question itself, and a clause followed by "and …" is not a lead-in.
    expect(questionKind('When is the vote, and who is standing?')).toBe('date');
    expect(questionKind('When did the strike start, and how long did it last?')).toBe('date');
  });

  it('finds the question phrase after a lead-in that holds no question word', () => {
    expect(questionKind('Tell me when the Harwick bridge reopened')).toBe('date');
  });

  it('treats a long statement without a question word as open rather than keywords', () => {
    expect(questionKind('the ferry operator in the north cancelled all of its crossings during the storm last week')).toBe('open');
  });
});

describe('withoutKindWords', () => {
  it('removes the phrase that names the answer kind and keeps the topic', () => {
    const count = withoutKindWords('How many engineers did Brindle Labs hire?');
    expect(count).not.toMatch(/how many/i);
    expect(count).toContain('engineers did Brindle Labs hire');
    const date = withoutKindWords('On what day did the Ostrel ferry resume?');
    expect(date).not.toMatch(/what|day/i);
    expect(date).toContain('did the Ostrel ferry resume');
    // The reporting verb is how the answer is said ("as reported by …"): what is asked about is the story.
    const source = withoutKindWords('Which paper originally published the Velmora story?');
    expect(source).not.toMatch(/paper|originally|published/i);
    expect(source).toContain('the Velmora story');
    expect(questionKind('Which paper originally published the Velmora story?')).toBe('source');
    // "What was X trading at": the price frame goes, what is priced stays.
    const price = withoutKindWords('what was velmora stock trading at after the results?');
    expect(price).not.toMatch(/what|trading/i);
    expect(price).toContain('velmora stock');
  });

  it('keeps person, name and speech phrases, whose words are part of the topic', () => {
    for (const q of ['Which company bought the Velmora brewery?', 'Who will chair the Hollin Trust?', 'What did Tomas Ferreira say about the merger?']) {
      expect(withoutKindWords(q)).toBe(q);
    }
  });

  it('leaves a question without kind words unchanged', () => {
    expect(withoutKindWords('ferry timetable changes Ostrel')).toBe('ferry timetable changes Ostrel');
  });
});

describe('speakerOf', () => {
  it('finds who a speech question asks about and the verb it asks with, or null', () => {
    expect(speakerOf('What did Mayor Juno Pell say about Portugal building a bridge?')).toEqual({ speaker: 'Mayor Juno Pell', verb: 'say' });
    expect(speakerOf('What did Pell and the harbour board talk about?')).toEqual({ speaker: 'Pell and the harbour board', verb: 'talk' });
    expect(speakerOf('How did Milburn describe the tone of the campaign?')).toEqual({ speaker: 'Milburn', verb: 'describe' });
    expect(speakerOf('When did the bridge open?')).toBeNull();
  });
});

describe('kindByNoun: how much of what', () => {
  const money = new Set(['debt', 'profit']);
  const nouns = { namesPossession: (noun: string) => money.has(noun), namesMeasure: () => false, namesFigure: () => false };

  it('reads "how much" of goods as a quantity and of money as a sum', () => {
    expect(kindByNoun('amount', 'How much wheat did the port ship?', nouns)).toBe('count');
    expect(kindByNoun('amount', 'how much debt does the firm carry', nouns)).toBe('amount');
  });

  it('keeps a sum when no noun follows "how much", and leaves other kinds alone', () => {
    expect(kindByNoun('amount', 'How much did the firm pay?', nouns)).toBe('amount');
    expect(kindByNoun('amount', 'How much money was raised?', nouns)).toBe('amount');
    expect(kindByNoun('date', 'When was the wheat shipped?', nouns)).toBe('date');
  });

  it('reads "how big a" sum of money as a sum, and "how big a" anything else as a number', () => {
    expect(kindByNoun('count', 'How big a profit did the Harwick mill make?', nouns)).toBe('amount');
    expect(kindByNoun('count', 'how large a debt was the ferry firm left with', nouns)).toBe('amount');
    expect(kindByNoun('count', 'How big a crowd did the Harwick fair draw?', nouns)).toBe('count');
    expect(kindByNoun('count', 'How big is the Harwick mill?', nouns)).toBe('count');
  });
});

describe('kindByNoun: a search-box query for a figure', () => {
  const measures = new Set(['revenue', 'price']);
  const nouns = { namesPossession: () => false, namesMeasure: (noun: string) => measures.has(noun), namesFigure: () => false };

  it('reads a search-box query ending on a sum or quantity as asking for the figure', () => {
    expect(kindByNoun('keywords', 'harwick cinema quarterly revenue', nouns)).toBe('count');
    expect(kindByNoun('keywords', 'orrin ferry ticket price', nouns)).toBe('count');
  });

  it('leaves other queries and questions as they are', () => {
    expect(kindByNoun('keywords', 'orrin board business stability', nouns)).toBe('keywords');
    expect(kindByNoun('open', 'What was the ticket price', nouns)).toBe('open');
  });
});

describe('kindByNoun: "what <thing>" asks for a figure when the thing is one (real WordNet)', () => {
  const wordnet = openWordNet();

  it('reads "what interest rate", "what tariff" as asking for a number, and "what freebies", "what measures" as not', () => {
    expect(kindByNoun('open', 'What interest rate does the Harwick loan carry?', wordnet)).toBe('count');
    expect(kindByNoun('open', 'What tariff did Tolva put on steel?', wordnet)).toBe('count');
    expect(kindByNoun('open', 'What freebies do Lantern prize guests take home?', wordnet)).toBe('open');
    expect(kindByNoun('open', 'What measures did the Harwick council take?', wordnet)).toBe('open');
  });
});
