import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leadQuote, openTestCoverage, type TestCoverage } from '../helpers/coverage-index.js';

// English coverage asked in German, French, Spanish, Italian and Portuguese: the question's words are read in English before matching.
const ARTICLES: Record<string, string> = {
  'quellmark-bridge.md': `---
title: "Quellmark opens its new river bridge"
outlet: The Lantern Post
date: 2023-04-11
---

The new bridge over the river at Quellmark opened to traffic on Tuesday after two years of building work.

The bridge cost 25 million euros, most of it paid by the regional government.

Mayor Ines Darrow said the bridge would cut the drive to the hospital by twenty minutes.

The engineer in charge, Tomas Ferrant, said the deck had been built to carry lorries of up to forty tonnes.

A second bridge downstream will be built from next year.
`,
  'halden-library.md': `---
title: "Halden library reopens after fire"
outlet: Coastline Daily
date: 2023-07-03
---

Halden's public library reopened on Monday, eighteen months after a fire destroyed its reading room.

The repairs cost 4 million euros, the town council said.

More than 3,000 books were given by residents to replace those lost in the fire.
`,
  'velmora-cup.md': `---
title: "Velmora beat Harwick to reach the cup final"
outlet: Coastline Daily
date: 2023-09-10
---

Velmora beat Harwick 2-1 on Saturday to reach the cup final.

A spokesman for Velmora said the new stand would be open in time for the final in May.

Harwick had led at half-time through a penalty.

The city council gave the club a grant of 2 million euros towards the new stand.
`,
};

let env: TestCoverage;
beforeAll(async () => {
  env = await openTestCoverage({ articles: ARTICLES });
});
afterAll(() => env.close());

describe('questions asked in German, French, Spanish, Italian or Portuguese about English coverage', () => {
  it('answers a German "how much" question with the sentence that gives the cost', async () => {
    expect(await leadQuote(env.coverage, 'Wie viel hat die neue Brücke in Quellmark gekostet?')).toContain('25 million euros');
  });

  it('answers a French question about what someone said', async () => {
    expect(await leadQuote(env.coverage, "Qu'a dit la maire Darrow à propos du pont ?")).toContain('hospital');
  });

  it('answers a Spanish "how many" question', async () => {
    expect(await leadQuote(env.coverage, '¿Cuántos libros dieron los residentes para la biblioteca de Halden?')).toContain('3,000 books');
  });

  it('answers an Italian and a Portuguese question, read through Spanish', async () => {
    expect(await leadQuote(env.coverage, 'Quanti libri hanno dato i residenti alla biblioteca di Halden?')).toContain('3,000 books');
    expect(await leadQuote(env.coverage, 'Quanto custou a nova ponte de Quellmark?')).toContain('25 million euros');
  });

  it('finds the answer to a German keyword query with no function words in it, a name that is a word too and all', async () => {
    // "Halden" is also German for heaps: the coverage never says "heaps", so it is read as the name it is.
    const answer = await env.coverage.ask('Halden Bibliothek Brand Reparatur Kosten');
    expect(answer.abstained).toBe(false);
    expect(answer.citations.map((c) => c.quote)).toContainEqual(expect.stringContaining('4 million euros'));
  });

  it('reads a foreign word in a query too short to tell its language as the English word the coverage says', async () => {
    // "ponte" (Italian and Portuguese for bridge) beside a name and an English word: the query is read as English.
    const { query } = await env.coverage.sentencesFor('Quellmark ponte cost');
    expect(query.words).toContain('bridge');
    expect(await leadQuote(env.coverage, 'Quellmark ponte cost')).toContain('25 million euros');
  });

  it('reads a hyphened foreign word of such a query whole, not part by part', async () => {
    // "porte" alone reads as "door" or "carry"; "porte-parole" is French for spokesman.
    const { query } = await env.coverage.sentencesFor('Velmora porte-parole stand');
    expect(query.words).toEqual(['velmora', 'spokesman', 'stand']);
    expect(await leadQuote(env.coverage, 'Velmora porte-parole stand')).toContain('open in time for the final');
  });

  it('reads a foreign word that the subtitles of English films write a few times as the foreign word it is', async () => {
    // "ciudad" (Spanish for city) is in the list of words said in English films, eight times in 50 million.
    const { query } = await env.coverage.sentencesFor('Velmora ciudad grant');
    expect(query.words).toContain('city');
    expect(await leadQuote(env.coverage, 'Velmora ciudad grant')).toContain('2 million euros');
  });

  it('still says the coverage does not answer a question about something it never mentions', async () => {
    const answer = await env.coverage.ask('¿Cuánto costó el nuevo aeropuerto de Berlín?');
    expect(answer.citations).toEqual([]);
  });
});
