import { describe, expect, it } from 'vitest';
import { leadQuote, suiteCoverage } from '../helpers/coverage-index.js';

// A company named with everyday words ("Park Lines") that many other stories use ("Park Hotel", "bus lines"):
// its name weighs little, so a story that never names it can match the rest of the question better.
const filler = (i: number): [string, string] => [
  `park-street-${i}.md`,
  `---
title: "Park Street traders meet"
outlet: Wire Service
date: 1987-01-0${i}
---

The Park Hotel in Harwick hosted meeting number ${i} of the Park Street traders, who discussed parking fees and new bus lines.
`,
];

const ARTICLES: Record<string, string> = {
  ...Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8, 9].map(filler)),
  'ferry-firms-hold.md': `---
title: "Ferry firms put winter crossings on hold"
outlet: Wire Service
date: 1987-02-10
---

Ferry firms across the region have put 40 of their winter crossings on hold until the storms pass.
`,
  'park-lines-crossings.md': `---
title: "Park Lines to suspend crossings"
outlet: Wire Service
date: 1987-02-11
---

Park Lines, which also runs Park Ferries of Harwick, is to suspend 12 of its winter crossings to Lask.
`,
};

describe('names the question gives', () => {
  const fixture = suiteCoverage({ articles: ARTICLES });

  it('leads with the story that names the company asked about, not one that matches more of the other words', async () => {
    expect(await leadQuote(fixture.coverage, 'How many winter crossings did Park Lines put on hold?')).toContain('suspend 12');
  });
});
