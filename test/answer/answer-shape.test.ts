import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoverageService } from '../../src/coverage.js';
import type { Answer } from '../../src/domain.js';
import { leadQuote, openTestCoverage, type TestCoverage } from '../helpers/coverage-index.js';

const ARTICLES: Record<string, string> = {
  'brindle-workshop.md': `---
title: "Brindle Labs expands its Harwick workshop"
outlet: The Lantern Post
date: 2023-05-10
---

Brindle Labs, the instrument maker founded by two retired astronomers, is expanding its workshop in Harwick to grind more telescope mirrors for observatories abroad.

The Harwick workshop expansion means Brindle Labs will hire glass technicians from the local college, and the glass technicians it hires at the Harwick workshop will train apprentices as well.

Brindle Labs will hire 85 glass technicians at the workshop over the next year, the company said in a statement.

Asked when the first large telescope mirrors would ship from the Harwick workshop, the Brindle Labs spokeswoman told reporters:

"Our first large mirrors leave before the winter, and every order we have taken is already spoken for."

The expansion is paid for by a loan from a regional development fund, which backs manufacturers in the valley.
`,
  'ostrel-ferry.md': `---
title: "Ferry sailings to Ostrel island resume after storm"
outlet: Coastline Daily
date: 2023-11-02
---

Ferry sailings between Port Carrow and Ostrel island resumed on Thursday after a storm damaged the landing stage last week.

The ferry operator said engineers had worked through the night to repair the landing stage and check the hull of its larger vessel.

Islanders had relied on a small fishing boat to bring bread, medicine and post across the strait while the ferry was out of service.

The operator plans to add an evening crossing during the busy summer months, when visitors come to walk the island's cliffs.
`,
  'velmora-bakeries.md': `---
title: "Velmora Bakeries opens a second shop in Harwick"
outlet: The Lantern Post
date: 2024-02-19
---

Velmora Bakeries, a family business known for its rye loaves, opened a second shop on the Harwick high street on Monday.

The owner, Ilse Marwood, said the new shop would bake through the night so that early commuters could buy warm bread at the station.

Customers queued along the street before the doors opened, and the first batch of cinnamon buns sold out within an hour.

The shop's manager, Anton Sokolov, said the bakery would hire four more bakers for the night shift.
`,
  'ostrel-landing-stage.md': `---
title: "Ostrel landing stage to be rebuilt in stone"
outlet: Coastline Daily
date: 2023-11-20
---

The harbour board will rebuild the Ostrel landing stage in stone after last month's storm.

Asked whether the ferry timetable would change during the works, the harbour master answered by saying,

"The ferries keep their winter timetable, and the works stop on sailing days."
`,
};

let fixture: TestCoverage;
let coverage: CoverageService;

beforeAll(async () => {
  fixture = await openTestCoverage({ articles: ARTICLES });
  coverage = fixture.coverage;
});
afterAll(() => fixture?.close());

const COUNT_QUESTION = 'How many glass technicians will Brindle Labs hire at the Harwick workshop?';
const SPEECH_QUESTION = 'What did the Brindle Labs spokeswoman tell reporters about when the first telescope mirrors would ship?';

function expectExactQuotes(answer: Answer): void {
  for (const c of [...answer.citations, ...answer.closest]) {
    expect(fixture.articleText(c.documentId).slice(c.start, c.end)).toBe(c.quote);
  }
}

describe('the shape of an answer', () => {
  it('cites the sentence with the number first for a "how many" question, over one that repeats more of its words', async () => {
    // The premise: the other sentence says every content word of the question, the answer does not say "Harwick".
    const rival = ARTICLES['brindle-workshop.md']!.split('\n').find((line) => line.includes('train apprentices'))!;
    for (const word of ['glass technicians', 'Brindle Labs', 'hire', 'Harwick workshop']) expect(rival).toContain(word);
    const answer = await coverage.ask(COUNT_QUESTION);
    expect(answer.abstained).toBe(false);
    expect(answer.citations[0]!.quote).not.toContain('Harwick');
    expect(answer.citations[0]!.quote).toContain('85 glass technicians');
    expect(answer.citations[0]!.quote).not.toContain('train apprentices');
  });

  it('answers with the first citation’s quote alone, followed by its marker', async () => {
    for (const question of [COUNT_QUESTION, SPEECH_QUESTION, 'When did ferry sailings to Ostrel island resume?']) {
      const answer = await coverage.ask(question);
      expect(answer.abstained, question).toBe(false);
      const first = answer.citations[0]!;
      expect(first.n).toBe(1);
      expect(answer.answer).toBe(`${first.quote.replace(/\s+/g, ' ')} [1]`);
      for (const other of answer.citations.slice(1)) {
        expect(answer.answer).not.toContain(other.quote.replace(/\s+/g, ' '));
        expect(answer.answer).not.toContain(`[${other.n}]`);
      }
    }
  });

  it('quotes a sentence that hands over to a quotation together with the quotation', async () => {
    const answer = await coverage.ask(SPEECH_QUESTION);
    expect(answer.abstained).toBe(false);
    const intro = answer.citations.find((c) => c.quote.includes('told reporters:'));
    expect(intro).toBeDefined();
    expect(intro!.quote).toContain('already spoken for."');
    // Two sentences, one paragraph apart, as one exact span; the answer text collapses the break.
    expect(intro!.quote).toMatch(/told reporters:\s+"Our first/);
    expect(answer.answer).not.toMatch(/\n/);
  });

  it('takes any reporting verb before the comma as handing over ("… answered by saying,")', async () => {
    const answer = await coverage.ask('What did the harbour master say about the Ostrel ferry timetable during the works?');
    const intro = answer.citations.find((c) => c.quote.includes('answered by saying,'));
    expect(intro).toBeDefined();
    expect(intro!.quote).toContain('winter timetable');
  });

  it('never quotes one sentence twice: a citation that would carry a sentence already quoted stops short of it', async () => {
    const questions = [
      COUNT_QUESTION,
      SPEECH_QUESTION,
      'When will the first large mirrors from the Harwick workshop ship?',
      'What did the spokeswoman say about orders?',
      'What will the glass technicians do at the Harwick workshop?',
      'Who will the bakery hire for the night shift?',
    ];
    for (const question of questions) {
      const answer = await coverage.ask(question, { k: 10 });
      const cited = [...answer.citations, ...answer.closest];
      for (const [i, a] of cited.entries()) {
        for (const b of cited.slice(i + 1)) {
          if (a.documentId !== b.documentId) continue;
          expect(a.end <= b.start || b.end <= a.start, `${question}: [${a.n}] and [${b.n}] overlap`).toBe(true);
        }
      }
    }
  });

  it('quotes every citation exactly as the article text holds it at [start, end)', async () => {
    for (const question of [COUNT_QUESTION, SPEECH_QUESTION, 'Who owns Velmora Bakeries?', 'Why did the Ostrel ferry stop running?']) {
      const answer = await coverage.ask(question);
      expect(answer.citations.length + answer.closest.length, question).toBeGreaterThan(0);
      expectExactQuotes(answer);
    }
  });

  it('abstains on a question the coverage does not answer', async () => {
    for (const question of ['What is the boiling point of olive oil?', 'Who won the national snooker championship in 1994?']) {
      const answer = await coverage.ask(question);
      expect(answer.abstained, question).toBe(true);
      expect(answer.citations).toEqual([]);
      expect(answer.answer).toMatch(/does not answer/);
    }
  });

  it('abstains when the question gives a number the article never says, and answers once the number is one it says', async () => {
    const otherYear = await coverage.ask('When did ferry sailings to Ostrel island resume after the 2019 storm?');
    expect(otherYear.abstained).toBe(true);
    // The year of the article's date counts as said.
    expect(await leadQuote(coverage, 'When did ferry sailings to Ostrel island resume after the 2023 storm?')).toContain('resumed on Thursday');
  });

  it('answers a Russian question about what a named person said, but not one whose words the article mostly does not say', async () => {
    // Read in English ("what did Sokolov say new shop"), the question is answered by his sentence, not the owner's.
    expect(await leadQuote(coverage, 'Что сказал Соколов о новом магазине?')).toContain('Sokolov');
    const mostlyUnmatched = await coverage.ask('Какие ограничения накладывает Соколов на поставщиков муки и сахара для пекарни?');
    expect(mostlyUnmatched.abstained).toBe(true);
  });

  it('does not answer "how many" from a sentence that says the rest but gives no number', async () => {
    const answer = await coverage.ask('How many crossings will the Ostrel ferry operator add in the summer?');
    expect(answer.abstained).toBe(true);
    expect(answer.closest[0]!.quote).toContain('evening crossing');
  });
});
