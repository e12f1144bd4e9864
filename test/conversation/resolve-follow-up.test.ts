import { describe, expect, it } from 'vitest';
import { resolveFollowUp } from '../../src/conversation/resolve-follow-up.js';
import type { Turn } from '../../src/conversation/turn.js';

/** A turn as the store keeps it; the names and places are made up (or CLDR places absent from the coverage). */
const turn = (question: string, quotes: string[] = [], dates: string[] = []): Turn => ({ asked: question, question, quotes, dates });

const BRIDGE = turn(
  'What did Minister Orla Vance say about the Kessel bridge?',
  ['Minister Orla Vance said the Kessel bridge would reopen to lorries in spring.', 'Engineers in Varnholm found cracks in two of its piers.'],
  ['2023-03-14', '2023-03-20'],
);
const FERRIES = turn('How many ferries did the Tovarin Harbour Board cancel in Uruguay?', ['The board cancelled eleven crossings.'], ['2022-06-02']);

const resolve = (typed: string, history: Turn[]) => resolveFollowUp(typed, history).question;

describe('fragments: the previous question with the entity of the same kind swapped', () => {
  it('swaps a place for a place', () => {
    expect(resolve('and Chile?', [FERRIES])).toBe('How many ferries did the Tovarin Harbour Board cancel in Chile?');
    expect(resolve('What about Peru?', [FERRIES])).toBe('How many ferries did the Tovarin Harbour Board cancel in Peru?');
    expect(resolve('Iceland too?', [FERRIES])).toBe('How many ferries did the Tovarin Harbour Board cancel in Iceland?');
  });

  it('swaps a person for a person named by office', () => {
    expect(resolve('what about the prime minister?', [BRIDGE])).toBe('What did the prime minister say about the Kessel bridge?');
  });

  it('swaps a name for the person an office names, whatever names the office holds', () => {
    expect(resolve('and Brisk Marrow?', [turn('What did the Tovarin defence minister say?')])).toBe('What did Brisk Marrow say?');
  });

  it('continues what the previous turn searched, not what only that turn asked ("When was that: …", "next")', () => {
    const asked = turn('When was that: what did Minister Orla Vance say next about the Kessel bridge?');
    expect(resolve('and Brisk Marrow?', [asked])).toBe('What did Brisk Marrow say about the Kessel bridge?');
    expect(resolve('why?', [asked])).toBe('Why: what did Minister Orla Vance say about the Kessel bridge?');
    expect(resolve('and Brisk Marrow?', [turn('and what did Tamsin Pell say about the dam?')])).toBe('What did Brisk Marrow say about the dam?');
  });

  it('swaps an organisation for an organisation', () => {
    expect(resolve('and the Lorry Drivers Union?', [FERRIES])).toBe('How many ferries did the Lorry Drivers Union cancel in Uruguay?');
  });

  it('takes the kind of an unmarked name from the earlier answers', () => {
    // "Varnholm" is marked as a place only in a quote ("Engineers in Varnholm"); "Quell" as a person only by "said".
    const history = [turn('What did the Tovarin council approve?', ['Engineers in Varnholm found cracks.', 'Brisk Quell said the vote was close.'])];
    expect(resolve('and Varnholm?', [turn('What did engineers find in Tovarin?', ['Engineers in Varnholm found cracks.'])])).toBe('What did engineers find in Varnholm?');
    expect(resolve('and Quell?', [turn('What did Orla Vance think of the vote?', ['Brisk Quell said the vote was close.'])])).toBe('What did Quell think of the vote?');
    expect(history).toHaveLength(1);
  });

  it('swaps a topic phrase for a topic phrase', () => {
    expect(resolve('and the ferry terminal?', [BRIDGE])).toBe('What did Minister Orla Vance say about the ferry terminal?');
  });
});

describe('pronouns: the latest antecedent of the right kind', () => {
  it('he/she → the last person, keeping the previous topic when the question has none', () => {
    expect(resolve('what did she say next?', [BRIDGE])).toBe('What did Minister Orla Vance say next about the Kessel bridge?');
    expect(resolve('Did she mention the budget?', [BRIDGE])).toBe('Did Minister Orla Vance mention the budget?');
  });

  it('his/her → the person’s', () => {
    expect(resolve('What was her reason?', [BRIDGE])).toBe('What was Minister Orla Vance’s reason?');
  });

  it('finds the person in the answer when the question named none', () => {
    const history = [turn('Who opened the new tram depot?', ['The depot was opened by the mayor, Pell Astrand, who said it was overdue.'])];
    expect(resolve('What else did he say?', history)).toBe('What else did Pell Astrand say about opened the new tram depot?');
  });

  it('there → the last place', () => {
    expect(resolve('What happened there?', [FERRIES])).toBe('What happened in Uruguay?');
    expect(resolve('Who flew in from there?', [FERRIES])).toBe('Who flew in from Uruguay?');
  });

  it('they/their → the last organisation', () => {
    expect(resolve('Why did they cancel the crossings?', [FERRIES])).toBe('Why did the Tovarin Harbour Board cancel the crossings?');
    expect(resolve('What was their reason?', [FERRIES])).toBe('What was the Tovarin Harbour Board’s reason?');
  });

  it('then / at that time → the time span of the last answer', () => {
    expect(resolve('What did the union say at that time?', [BRIDGE])).toBe('What did the union say in March 2023?');
    expect(resolve('What happened then?', [FERRIES])).toBe('What happened in June 2022?');
    expect(resolve('What did she say then?', [BRIDGE])).toBe('What did Minister Orla Vance say in March 2023 about the Kessel bridge?');
  });

  it('leaves a pronoun alone when the question names its referent first', () => {
    expect(resolve('What did Tamsin Pell say after she resigned?', [BRIDGE])).toBe('What did Tamsin Pell say after she resigned?');
  });
});

describe('bare follow-ups: the previous question with the new question word', () => {
  it('when was that? / why? / how many were there?', () => {
    expect(resolve('when was that?', [turn('Where did Orla Vance meet the engineers?')])).toBe('When did Orla Vance meet the engineers?');
    expect(resolve('Why?', [turn('How did the Tovarin Harbour Board respond?')])).toBe('Why did the Tovarin Harbour Board respond?');
    expect(resolve('when was that?', [BRIDGE])).toBe('When was that: what did Minister Orla Vance say about the Kessel bridge?');
    expect(resolve('how many were there?', [turn('Who blocked the roads in Varnholm?')])).toBe('How many were there: who blocked the roads in Varnholm?');
    expect(resolve('When was that?', [FERRIES])).toBe('When was that: how many ferries did the Tovarin Harbour Board cancel in Uruguay?');
  });

  it('a question naming someone but no topic keeps the previous topic, not the person it replaces', () => {
    expect(resolve('and what did Brisk Marrow say?', [BRIDGE])).toBe('What did Brisk Marrow say about the Kessel bridge?');
    expect(resolveFollowUp('and what did Brisk Marrow say?', [turn('What did Orla Vance say?')])).toEqual({ question: 'and what did Brisk Marrow say?', changed: false });
    expect(resolve('and what did Brisk Marrow say?', [turn('Why did Orla Vance resign from the Tovarin council?')])).toBe('What did Brisk Marrow say about resign from the council?');
  });
});

describe('self-contained questions', () => {
  it.each([
    'What did Brisk Marrow say about the grain silos?',
    'Who is Orla Vance?',
    'How many ferries sailed from Montevideo in 2021?',
    'What is the capital of Tovarin?',
  ])('%s is left unchanged', (q) => {
    expect(resolveFollowUp(q, [BRIDGE, FERRIES])).toEqual({ question: q, changed: false });
  });

  it('they/their → a group the last question named with no word marking it one', () => {
    const band = turn("What was the Kestrel Lamps' debut single?", ['Their debut single, Copper Lanterns, charted in 2011.'], ['2032-04-09']);
    expect(resolve('When did they form?', [band])).toBe('When did Kestrel Lamps form?');
    const firm = turn('How much did Velmora Bakeries pay for the mill?');
    expect(resolve('Why did they buy it?', [firm])).toBe('Why did Velmora Bakeries buy it?');
  });

  it('resolves a follow-up wrapped in chat as the follow-up itself', () => {
    expect(resolve('hey bot, what about Chile?', [FERRIES])).toBe('How many ferries did the Tovarin Harbour Board cancel in Chile?');
    expect(resolve('thanks! and why did they cancel the crossings?', [FERRIES])).toBe('Why did the Tovarin Harbour Board cancel the crossings?');
    // A question of its own, framed or not, is searched as typed: the framing is the search's to take off.
    const own = 'hey bot, what did Brisk Marrow say about the grain silos?';
    expect(resolveFollowUp(own, [BRIDGE])).toEqual({ question: own, changed: false });
  });

  it('a question that only starts with "and" is searched as typed', () => {
    const q = 'and what did Brisk Marrow say about the grain silos?';
    expect(resolveFollowUp(q, [BRIDGE])).toEqual({ question: q, changed: false });
  });

  it('a long question is searched as typed, however it starts', () => {
    const q = `and what did she say ${'about the new harbour wall and the old one '.repeat(8)}?`;
    expect(q.length).toBeGreaterThan(300);
    expect(resolveFollowUp(q, [BRIDGE])).toEqual({ question: q, changed: false });
  });

  it('without history nothing is resolved', () => {
    expect(resolveFollowUp('and Chile?', [])).toEqual({ question: 'and Chile?', changed: false });
  });

  it('resolves against the last five turns only', () => {
    const old = turn('What did Tamsin Pell say about the dam?');
    const filler = Array.from({ length: 5 }, (_, i) => turn(`How many trains ran on line ${i + 1}?`));
    expect(resolve('What did she say next?', [old, ...filler])).toBe('What did she say next?');
    expect(resolve('What did she say next?', [old, ...filler.slice(1)])).toBe('What did Tamsin Pell say next about the dam?');
  });
});
