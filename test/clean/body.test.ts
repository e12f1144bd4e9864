import { describe, expect, it } from 'vitest';
import { trimTail } from '../../src/clean/body.js';
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
