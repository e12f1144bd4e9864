import { describe, expect, it } from 'vitest';
import { findAuthorBox, trimTail } from '../../src/clean/body.js';
import { repeatedShortLines } from '../../src/clean/cross-file.js';
import { extractScrapedText } from '../../src/read/scraped-text.js';

const P1 = 'The council voted on Monday to fund a new flood barrier at the mouth of the harbor, officials said.';
const P2 = 'Opponents argued that the plan relied on optimistic cost estimates and would need more money later.';
const P3 = 'The harbor association said boats would need up to 40 extra minutes to reach the open sea.';

describe('trimTail', () => {
  it('drops a related-story teaser (headline + one paragraph) and trailing labels', () => {
    expect(trimTail([P1, P2, 'Fishermen fear longer routes as harbor narrows', P3, 'Related:'])).toEqual([P1, P2]);
  });
  it('keeps a last section when the article uses subheadings elsewhere', () => {
    const kept = [P1, 'What the barrier will cost', P2, 'What happens next', P3];
    expect(trimTail(kept)).toEqual(kept);
  });
});

describe('body boundaries', () => {
  it('stops at a feed of timestamped stories even without a chrome word', () => {
    const page = ['Harbor barrier approved after long debate', '', 'By Ana Lima, 3 March 2025', P1, P2, '14:02', 'Ferry timetable changes', P3].join('\n');
    const a = extractScrapedText(page);
    expect(a.text).toBe(`${P1}\n\n${P2}`);
    expect(a.authors).toEqual(['Ana Lima']);
  });
  it('stops at a run of headline-like lines', () => {
    const page = [P1, P2, 'Ferry strike called off', 'Lighthouse to reopen as museum', 'Council tax to rise in April', P3].join('\n');
    expect(extractScrapedText(page).text).toBe(`${P1}\n\n${P2}`);
  });
});

describe('repeatedShortLines', () => {
  it('returns short lines present in enough pages, counting each page once', () => {
    const pages = [['Home', 'Home', P1], ['Home', P1], ['Home', 'Sport', P1]];
    expect(repeatedShortLines(pages, 3)).toEqual(new Set(['Home']));
  });
});

describe('head of a page', () => {
  it('joins an author line and a date line, and takes the headline above them', () => {
    const page = ['Menu', 'Harbor barrier approved after long debate', 'By Ana Lima', 'Tuesday 4 March 2025', P1, P2].join('\n');
    const a = extractScrapedText(page);
    expect(a.title).toBe('Harbor barrier approved after long debate');
    expect(a.authors).toEqual(['Ana Lima']);
    expect(a.published).toBe('2025-03-04');
    expect(a.text).toBe(`${P1}\n\n${P2}`);
  });
  it('never invents a title, author or date for a bare body', () => {
    expect(extractScrapedText(`${P1}\n${P2}`)).toMatchObject({ title: null, authors: [], published: null, outlet: null });
  });
});

describe('byline block', () => {
  const HEADLINE = 'Harbor barrier approved after long debate';
  const DEK = 'The council ends a decade of argument over the cost of protecting the eastern districts';

  it('takes the headline above a dek, and starts the body under the whole block', () => {
    const page = ['Menu', 'Harbor', HEADLINE, DEK, 'Ana Lima in Portville', '4 March 2025 09.30 GMT', 'Share', 'Save', P1, P2];
    const a = extractScrapedText(page.join('\n'));
    expect([a.title, a.authors, a.published]).toEqual([HEADLINE, ['Ana Lima'], '2025-03-04']);
    expect(a.text).toBe(`${DEK}\n\n${P1}\n\n${P2}`);
  });

  it('takes the headline, not a kicker of a few words above it', () => {
    const page = ['Menu', 'The fight over floods', HEADLINE, 'By Ana Lima', '4 March 2025', P1, P2];
    expect(extractScrapedText(page.join('\n')).title).toBe(HEADLINE);
  });

  it('reads a bare author and a relative time; the affiliation and buttons are not body', () => {
    const page = ['Menu', HEADLINE, '3 hours ago', 'Share', 'Ana Lima', 'Portville correspondent', P1, P2];
    const a = extractScrapedText(page.join('\n'));
    expect([a.title, a.authors, a.published]).toEqual([HEADLINE, ['Ana Lima'], null]);
    expect(a.text).toBe(`${P1}\n\n${P2}`);
  });

  it('keeps a short Title Case headline above a byline as the title, not as a name', () => {
    const a = extractScrapedText(['Menu', 'Senate Passes Budget', '4 March 2025', P1, P2].join('\n'));
    expect([a.title, a.authors]).toEqual(['Senate Passes Budget', []]);
  });
});

describe('findAuthorBox', () => {
  it('ends the body at the author\'s name alone on a line, or at a bio opening with it', () => {
    const lines = [P1, P2, 'ANA LIMA', 'Lima is a reporter based in Portville.'];
    expect(findAuthorBox(lines, 0, ['Ana Lima'])).toBe(2);
    expect(findAuthorBox([P1, P2, 'Ana Lima is a reporter based in Portville.'], 0, ['Ana Lima'])).toBe(2);
  });
  it('needs the byline\'s own author: another name is not an author box', () => {
    expect(findAuthorBox([P1, 'Ben Ode', P2], 0, ['Ana Lima'])).toBe(3);
    expect(findAuthorBox([P1, 'Ana Lima', P2], 0, [])).toBe(3);
  });
});
