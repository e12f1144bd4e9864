import { describe, expect, it } from 'vitest';
import { answerPositions, tokenize } from '../../src/answer/answer-spans.js';
import { foldedWords } from '../../src/text/fold.js';
import { lightStem, stemSet } from '../../src/text/terms.js';
import type { QuestionKind } from '../../src/search/question-kind.js';
import { latinTextKeys, type LatinLanguage } from '../../src/text/latin-language.js';

/** The raw words answerPositions points at, in text of a language whose words have keys when one is given. */
function answers(kind: QuestionKind, text: string, question = '', language: LatinLanguage | null = null): string[] {
  const tokens = tokenize(text, language && ((word) => latinTextKeys(word, language)));
  return answerPositions(kind, text, tokens, stemSet(question)).map((i) => tokens[i]!.raw);
}

describe('tokenize', () => {
  it('gives the same stems as foldedWords + lightStem, so sentence and question words compare', () => {
    for (const text of [
      'Delvane’s engineers were shooting prototypes in Zürich, stopping twice.',
      'The Kowalczyk sisters organised 14 deliveries; the centre’s neighbours complained.',
      "Brindle Labs' glass technicians studied mirrors and batteries.",
    ]) {
      expect(tokenize(text).map((t) => t.stem)).toEqual(foldedWords(text).map(lightStem));
    }
  });

  it('stems an irregular past tense as its verb, and leaves forms that are other words too alone', () => {
    expect(['bought', 'buys', 'buying'].map(lightStem)).toEqual(['buy', 'buy', 'buy']);
    expect(lightStem('taken')).toBe(lightStem('take'));
    // News copy's "profits fell", "police found": the verb.
    expect(lightStem('fell')).toBe(lightStem('fall'));
    expect(lightStem('found')).toBe(lightStem('find'));
    expect(lightStem('left')).toBe('left');
    expect(lightStem('rose')).toBe('rose');
  });

  it('stems an irregular comparative as its adjective ("worse" says "bad")', () => {
    expect(['worse', 'worst'].map(lightStem)).toEqual(['bad', 'bad']);
    expect(lightStem('better')).toBe(lightStem('good'));
  });

  it('records each word as written and where it is', () => {
    const text = 'The tickets cost £200 and 15% more.';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.raw)).toEqual(['The', 'tickets', 'cost', '£', '200', 'and', '15', '%', 'more']);
    for (const t of tokens) expect(text.slice(t.at, t.at + t.raw.length)).toBe(t.raw);
  });
});

describe('answerPositions', () => {
  it('finds numbers for a count question, but not years', () => {
    expect(answers('count', 'Brindle Labs hired 240 engineers in 2019.')).toEqual(['240']);
    expect(answers('count', 'Nearly three hundred families were moved.')).toEqual(['three', 'hundred']);
    expect(answers('count', 'The workshop hired engineers in 2019.')).toEqual([]);
    // Names made of capitals and digits count nothing.
    expect(answers('count', 'The 4G operator drove its MX-5 fleet to the G20 summit with 12 staff.')).toEqual(['12']);
  });

  it('skips numbers the question itself already holds', () => {
    expect(answers('count', 'Of the 40 boats, 12 returned.', 'How many of the 40 boats returned?')).toEqual(['12']);
  });

  it('finds money for an amount question', () => {
    expect(answers('amount', 'The tickets cost £200 each.')).toContain('200');
    expect(answers('amount', 'Velmora agreed to pay $3.5bn for the chain.')).toContain('3');
    expect(answers('amount', 'The brewery was sold for 15 mln dlrs last year.')).toEqual(['15']);
    expect(answers('amount', 'The squad had 15 players and 3 coaches.')).toEqual([]);
    // A sum with its scale and no currency: the story named the currency once, earlier.
    expect(answers('amount', 'The new berth will cost 4.2 million and open in 2028.')).toEqual(['2']); // 4.2 is two tokens: the one before the scale
    expect(answers('amount', 'The berth will open in 2028 with room for 12 boats.')).toEqual([]);
    // Wire copy's cents and single dollar.
    expect(answers('amount', 'Prices will rise six cts a pound from April 15.')).toEqual(['six']);
    expect(answers('amount', 'It bid 2.20 dlr a share for the rest.')).toEqual(['20']);
  });

  it('finds dates for a when question', () => {
    const found = answers('date', 'The bridge reopened on Tuesday, 14 March 2021, after repairs.');
    expect(found).toEqual(expect.arrayContaining(['Tuesday', '14', 'March', '2021']));
    expect(found).not.toContain('bridge');
    expect(answers('date', 'The bridge reopened after 14 repairs.')).toEqual([]);
    // "may" and "march" are months only when capitalised.
    expect(answers('date', 'The council may discuss a protest march soon.')).toEqual([]);
    expect(answers('date', 'The march ended in May.')).toEqual(['May']);
  });

  it('reads numbers, sums and dates written in Ukrainian or Russian', () => {
    expect(answers('count', 'Міст не ремонтували понад сорок років.')).toEqual(['сорок']);
    expect(answers('amount', 'Ремонт коштуватиме 48 мільйонів гривень.')).toEqual(['48', 'мільйонів']);
    expect(answers('amount', 'Строительство обошлось в 95 миллионов рублей, а не 95 человек.')).toEqual(['95', 'миллионов']);
    expect(answers('date', 'Роботи почнуться у травні.')).toEqual(['травні']);
    expect(answers('date', 'Отдел начнёт работать в сентябре, в понедельник.')).toEqual(['сентябре', 'понедельник']);
    expect(answers('date', 'Травма коштувала йому сезону.')).toEqual([]);
  });

  it('reads sums, numbers written as words, dates and reasons in German, French, Spanish, Italian and Portuguese text', () => {
    expect(answers('amount', 'La nuova scuola è costata 7,3 milioni di euro alla provincia.', '', 'it')).toEqual(['3']);
    expect(answers('amount', "Le stade a coûté 12 millions d'euros.", '', 'fr')).toEqual(['12', 'millions']);
    expect(answers('amount', 'Die Brücke soll 9 Millionen kosten.', '', 'de')).toEqual(['9']);
    expect(answers('count', 'Al concerto sono arrivati duecento spettatori.', '', 'it')).toEqual(['duecento']);
    expect(answers('count', 'Neunzehn Schüler haben die Prüfung bestanden.', '', 'de')).toEqual(['Neunzehn']);
    expect(answers('date', 'El museo abrirá sus puertas en marzo.', '', 'es')).toEqual(['marzo']);
    expect(answers('reason', 'Das Spiel fiel aus, weil der Platz gefroren war.', '', 'de')).toHaveLength(1);
    expect(answers('reason', "Le marché est fermé à cause de la neige.", '', 'fr')).toHaveLength(1);
  });

  it('reads a date or number word by the language of its own text, where another of the five spells it alike', () => {
    expect(answers('date', 'Le marché rouvrira dans un an.', '', 'fr')).toEqual(['an']);
    expect(answers('date', 'Die Sitzung fand an der Schule statt.', '', 'de')).toEqual([]);
    expect(answers('count', 'Llegaron dos trenes.', '', 'es')).toEqual(['dos']);
    expect(answers('count', 'A maioria dos barcos saiu cedo.', '', 'pt')).toEqual([]);
  });

  it('reads those languages\' date and number words only in their text, where they cannot be English words', () => {
    expect(answers('date', 'The estate was sold, and hier is a name.')).toEqual([]);
    expect(answers('count', 'The payment was due on arrival.')).toEqual([]);
  });

  it('gives the words of a Ukrainian or Russian sentence the keys of their forms', () => {
    const [ukrainian] = tokenize('кредитів');
    expect(ukrainian!.keys).toContain('kredyt');
    expect(tokenize('credits')[0]!.keys).toEqual([]);
  });

  it('finds fresh capitalised names for a who question, not the names already asked about', () => {
    const found = answers('person', 'Officials said Marta Quell would lead the Hollin Trust board.', 'Who will lead the Hollin Trust board?');
    expect(found).toEqual(['Marta', 'Quell']);
  });

  it('does not take the other half of a person the question names as the answer to "who"', () => {
    const found = (text: string, question: string, names: string[]) => {
      const tokens = tokenize(text);
      return answerPositions('person', text, tokens, stemSet(question), new Set(names.map(lightStem))).map((i) => tokens[i]!.raw);
    };
    const met = 'Officials said Marta Quell met Rowan Pike, who will lead the board.';
    expect(found(met, 'Who met Quell?', ['quell'])).toEqual(['Rowan', 'Pike']);
    expect(found(met, 'Who met Quell?', [])).toEqual(['Marta', 'Rowan', 'Pike']);
    // A title between them keeps a named place apart from the person: "Hollin Mayor Rowan Pike".
    expect(found('The Hollin Mayor Rowan Pike agreed.', 'Who is the Hollin mayor?', ['hollin'])).toEqual(['Rowan', 'Pike']);
  });

  it('takes a capitalised first word as a name only when the next word is capitalised too', () => {
    expect(answers('person', 'Yesterday the board met Rowan Pike.')).toEqual(['Rowan', 'Pike']);
    expect(answers('person', 'Rowan Pike met the board.')).toEqual(['Rowan', 'Pike']);
  });

  it('marks a quotation for a speech question, or the verb reporting speech without one, and nothing in a sentence saying neither', () => {
    expect(answers('speech', 'She said: "We will keep every branch open until the spring."')).toEqual(['We', 'spring']);
    expect(answers('speech', 'She said they would keep every branch open until the spring.')).toEqual(['said']);
    expect(answers('speech', 'Every branch stays open until the spring.')).toEqual([]);
  });

  it('gives no positions for open questions', () => {
    expect(answers('open', 'Marta Quell hired 240 engineers on Tuesday.')).toEqual([]);
  });
});
