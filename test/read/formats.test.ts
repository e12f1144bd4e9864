/** Synthetic pages of fictional outlets: different chrome wording, HTML with JSON-LD, Markdown with a sidecar. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticle } from '../../src/read/read-article.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/articles');
const read = (name: string) => readArticle(path.join(FIXTURES, name), `fixtures/${name}`);
const paragraphs = async (name: string) => (await read(name)).text.split('\n\n');

describe('scraped text from an outlet the rules were not written for', () => {
  it('harbor-gazette: byline "By A and B | date", cookie banner, share prompts, most-read list', async () => {
    const a = await read('harbor-gazette.txt');
    expect(a.title).toBe('Harbor council approves new flood barrier after decade of delays');
    expect(a.authors).toEqual(['Jane Doe', 'John Roe']);
    expect(a.published).toBe('2025-03-03');
    expect(a.outlet).toBe('Harbor Gazette');
    const ps = a.text.split('\n\n');
    expect(ps[0]).toBe('Workers inspect the old sea wall near Pier 9 on Monday. Photo: Harbor Gazette/Ana Lima');
    expect(ps).toContain('Key facts:');
    expect(ps).toContain('Construction is due to start in September and last three years.');
    expect(ps.at(-1)).toBe('Construction firms have until May to submit bids, the council said.');
    expect(a.text).not.toMatch(/Fishermen fear|Ferry strike|cookies|briefing|Share/u);
  });

  it('valley-courier: repeated headline, "Published" dateline, no author, related list and footer', async () => {
    const a = await read('valley-courier.txt');
    expect(a.title).toBe('Drought forces farmers to sell cattle early, survey finds');
    expect(a.authors).toEqual([]);
    expect(a.published).toBe('2024-03-12');
    const ps = a.text.split('\n\n');
    expect(ps).toHaveLength(4);
    expect(ps[2]).toBe('“You cannot feed a herd on hope,” said Tomás Herrera, who keeps 80 cows near the river. “I sold a third of them in August, at a loss.”');
    expect(a.text).not.toMatch(/Water rationing|Topics:|ADVERTISEMENT|Listen/u);
  });
});

describe('HTML', () => {
  it('takes metadata from JSON-LD before meta tags and Readability', async () => {
    const a = await read('river-times.html');
    expect(a.title).toBe('Old stone bridge reopens after two years of repairs');
    expect(a.authors).toEqual(['Priya Natarajan', 'Tom Okafor']);
    expect(a.published).toBe('2025-06-14');
    expect(a.outlet).toBe('The River Times');
    expect(a.url).toBe('https://rivertimes.example/news/bridge-reopens');
    expect(a.language).toBe('en');
  });

  it('keeps paragraph breaks, caption, quote, subheading and list items; drops nav, byline and footer', async () => {
    const ps = await paragraphs('river-times.html');
    expect(ps[0]).toBe('The bridge at dawn on Saturday. Photo: River Times');
    expect(ps).toContain('“We wanted it to look exactly as it did in 1825, and to last another two hundred years,” said lead engineer Sofia Lind.');
    expect(ps).toContain('What changes for traffic');
    expect(ps).toContain('The bridge is open from 6 a.m. to midnight.');
    expect(ps.at(-1)).toBe('The repairs cost £4.2 million, of which £1.5 million came from a heritage grant.');
    expect(ps.join('\n')).not.toMatch(/Old stone bridge reopens|By Priya|Most read|Council tax|newsletter|Home/u);
  });
});

describe('Markdown with front matter and a sidecar', () => {
  it('lets the sidecar override front matter field by field', async () => {
    const a = await read('orchard-report.md');
    expect(a.title).toBe('Orchards bloom three weeks early after warm winter');
    expect(a.outlet).toBe('Orchard Weekly');
    expect(a.authors).toEqual(['Ines Duarte']);
    expect(a.published).toBe('2025-04-03');
    expect(a.url).toBe('https://orchard.example/bloom-corrected');
    expect(a.language).toBe('en');
  });

  it('converts the body to plain paragraphs', async () => {
    const ps = await paragraphs('orchard-report.md');
    expect(ps[0]).toBe(
      'Apple and pear trees across the northern valleys are in full bloom three weeks earlier than the ten-year average, growers said on Wednesday.',
    );
    expect(ps[1]).toContain('as the weather service forecast colder air');
    expect(ps).toContain('What growers are doing');
    expect(ps).toContain('Renting wind machines to mix warmer air into the orchards.');
    expect(ps).toContain('“Every cold night this month is a gamble,” said grower Hana Sato.');
    expect(ps.join('\n')).not.toMatch(/[#*_>`]|\]\(|blossom\.jpg|^---/mu);
  });
});
