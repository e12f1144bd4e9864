import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leadQuote, openTestCoverage, type TestCoverage } from '../helpers/coverage-index.js';

// A name the coverage never writes is read as a near spelling it does: one that some passage writes as it is, not
// one that merely shares its stem with another word of the index.
const ARTICLES: Record<string, string> = {
  'kestrel-plant.md': `---
title: "Kestrel Chemical studies its plant workers' health"
outlet: The Lantern Post
date: 2023-02-14
---

Kestrel Chemical said health studies at its Quarrington plant covered about 900 workers employed there since 1970.

The studies found higher rates of two lung diseases than among the general public, the company said.
`,
  'harbour-pier.md': `---
title: "Harbour pier to reopen"
outlet: Coastline Daily
date: 2023-03-01
---

Dorlis Venn, the harbour master, said the pier would reopen in May after repairs to its timber deck.
`,
};

let env: TestCoverage;
beforeAll(async () => {
  env = await openTestCoverage({ articles: ARTICLES });
});
afterAll(() => env.close());

describe('misspelt names read as the coverage writes them', () => {
  it('keeps a name whose near spelling the index holds only as the stem of another word', async () => {
    // "Darly" is one letter from "dorly", whose Porter stem "dorli" the index holds as the stem of "Dorlis": no passage writes "dorly".
    const { query } = await env.coverage.sentencesFor('How many workers did the Kestrel studies at the Darly plant cover?');
    expect(query.words).toContain('darly');
    expect(query.words).not.toContain('dorly');
  });

  it('still reads a misspelling as the name a passage writes ("Dorliss" for Dorlis)', async () => {
    expect(await leadQuote(env.coverage, 'What did Dorliss Venn say about the pier?')).toContain('reopen in May');
  });

  it('reads a lower-case word the index lacks as the everyday word it is one slip from ("emplyed")', async () => {
    const question = 'How many Kestrel workers emplyed at the plant did the studies cover?';
    const { query } = await env.coverage.sentencesFor(question);
    expect(query.words).toContain('employed');
    expect(query.words).not.toContain('emplyed');
    expect(await leadQuote(env.coverage, question)).toContain('about 900 workers');
  });
});

