import { describe, expect, it } from 'vitest';
import { entitiesIn, kindOfPhrase } from '../../src/conversation/entities.js';

const kinds = (text: string, context: string[] = []) => entitiesIn(text, context).map((e) => [e.text, e.kind]);

describe('entitiesIn', () => {
  it('tells people, places, organisations and dates apart by the shape of the text', () => {
    expect(kinds('What did Minister Orla Vance tell the Tovarin Harbour Board in Uruguay on 12 April 2022?')).toEqual([
      ['Minister Orla Vance', 'person'],
      ['the Tovarin Harbour Board', 'organisation'],
      ['Uruguay', 'place'],
      ['12 April 2022', 'time'],
    ]);
  });

  it('reads a made-up place from the preposition before it, a person from the verb after, an acronym as an organisation', () => {
    expect(kinds('Brisk Marrow said the QLTA would open an office in Varnholm.')).toEqual([
      ['Brisk Marrow', 'person'],
      ['the QLTA', 'organisation'],
      ['Varnholm', 'place'],
    ]);
  });

  it('finds people named by office, and skips capitalised ordinary words that open a sentence', () => {
    expect(kinds('Ferries stopped. Then the prime minister spoke in May.')).toEqual([
      ['the prime minister', 'person'],
      ['May', 'time'],
    ]);
  });

  it('gives an unmarked name the kind it has elsewhere in the conversation', () => {
    expect(kinds('What did Quell decide?')).toEqual([['Quell', 'name']]);
    expect(kinds('What did Quell decide?', ['Flooding closed the roads around Quell on Monday.'])).toEqual([['Quell', 'place']]);
    expect(kinds('What did Quell decide?', ['Quell said the roads would stay closed.'])).toEqual([['Quell', 'person']]);
  });
});

describe('kindOfPhrase', () => {
  it('classifies a fragment standing alone', () => {
    expect(kindOfPhrase('Montevideo', [])).toBe('place');
    expect(kindOfPhrase('the chief executive', [])).toBe('person');
    expect(kindOfPhrase('March 2021', [])).toBe('time');
    expect(kindOfPhrase('the bus depot', [])).toBe('topic');
    expect(kindOfPhrase('Pell', ['Tamsin Pell said the vote was close.'])).toBe('person');
  });
});
