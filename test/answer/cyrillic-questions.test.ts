import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leadQuote, openTestCoverage, type TestCoverage } from '../helpers/coverage-index.js';

// English coverage asked in Russian and Ukrainian: the question's words are read in English before matching.
const ARTICLES: Record<string, string> = {
  'tallow-harbour.md': `---
title: "Tallow Bay opens its new harbour"
outlet: The Lantern Post
date: 2023-03-06
---

The new harbour at Tallow Bay opened to shipping on Monday after three years of building work.

The harbour cost 40 million euros, most of it paid by the regional government.

Mayor Ellen Varga said the deeper berths would bring back the fishing fleet that left the bay in the 1990s.

The harbour master, Edgar Maxwell, said the berths had been dredged to a depth of twelve metres.

Work on a ferry terminal beside the harbour starts next spring.
`,
  'wenlow-market.md': `---
title: "Wenlow market moves to the old station"
outlet: Coastline Daily
date: 2023-05-02
---

Wenlow's Saturday market will move to the old railway station in June, the town council has decided.

Traders had asked for a covered site after two winters of storms.

The council will spend 200,000 euros on new stalls and lighting.
`,
  'orrin-theatre.md': `---
title: "Orrin's theatre closes for repairs"
outlet: Coastline Daily
date: 2023-06-12
---

The old theatre in Orrin will close for a year from September while its roof is rebuilt.

The repairs will cost 3 million euros, the trust that runs the building said.

Touring companies will perform in the school hall until the work is done.

A local blogger has raised 20,000 euros towards new seats.
`,
};

let env: TestCoverage;
beforeAll(async () => {
  env = await openTestCoverage({ articles: ARTICLES });
});
afterAll(() => env.close());

describe('questions asked in Russian or Ukrainian about English coverage', () => {
  it('answers a Russian "how much" question with the sentence that gives the cost', async () => {
    expect(await leadQuote(env.coverage, 'Сколько стоила новая гавань?')).toContain('40 million euros');
  });

  it('answers a Ukrainian question whose only name is an English one', async () => {
    expect(await leadQuote(env.coverage, 'Що сказала Варга про рибальський флот?')).toContain('fishing fleet');
  });

  it('finds a foreign name that Cyrillic spells its own way ("Максвелл" for Maxwell)', async () => {
    expect(await leadQuote(env.coverage, 'Что сказал Максвелл о глубине причалов?')).toContain('twelve metres');
  });

  it('reads a capitalised word the coverage never spells as a name as the word it is ("Театра": the theatre)', async () => {
    expect(await leadQuote(env.coverage, 'Сколько будет стоить ремонт Театра?')).toContain('3 million euros');
  });

  it('reads a word no dictionary has as the English word it was borrowed from ("блогер": blogger)', async () => {
    expect(await leadQuote(env.coverage, 'Сколько собрал местный блогер?')).toContain('20,000 euros');
  });

  it('still says the coverage does not answer a question about something it never mentions', async () => {
    const answer = await env.coverage.ask('Сколько стоил новый аэропорт в Берлине?');
    expect(answer.citations).toEqual([]);
  });
});
