/** The five real scraped pages in ../shared/coverage, read end to end. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticle } from '../../src/read/read-article.js';
import type { Article } from '../../src/domain.js';

const COVERAGE = path.resolve(import.meta.dirname, '../../../shared/coverage');

async function read(prefix: string): Promise<Article> {
  const names: Record<string, string> = {
    '000': '000_621f90386ec554d9.txt',
    '001': '001_59f12a99f7dea806.txt',
    '002': '002_42b094852a3dd974.txt',
    '003': '003_0f77700f0b2ee103.txt',
    '004': '004_b7735344c2a2d615.txt',
  };
  const name = names[prefix]!;
  return readArticle(path.join(COVERAGE, name), `../shared/coverage/${name}`);
}

const paragraphs = (a: Article) => a.text.split('\n\n');

describe('000 (Kyiv Independent page with membership box and news feed)', () => {
  it('finds headline, byline author and date', async () => {
    const a = await read('000');
    expect(a.title).toBe('Ukraine wants to create coalition to shoot down Russian missiles, Zelensky says');
    expect(a.authors).toEqual(['Kateryna Denisova']);
    expect(a.published).toBe('2024-08-05');
    expect(a.language).toBe('en');
    expect(a.file).toBe('../shared/coverage/000_621f90386ec554d9.txt');
    expect(a.contentHash).toMatch(/^[0-9a-f]{64}$/u);
  });
  it('keeps the caption and ends with the last body paragraph, not the related teaser', async () => {
    const a = await read('000');
    expect(a.text).toContain('F-16 Fighting Falcon received by Ukraine');
    expect(a.text.endsWith('but Bucharest has refuted the claims.')).toBe(true);
    expect(a.text).not.toContain('Romania denies downing');
    expect(a.text).not.toMatch(/membership|become a member|Crimean Tatar|News Feed|audio is created|Skip to content/u);
    expect(a.text).not.toContain(a.title!);
  });
  it('names the outlet from its own membership pitch', async () => {
    expect((await read('000')).outlet).toBe('Kyiv Independent');
  });
});

describe('001 (Ukrainska Pravda page, byline glued to the weekday)', () => {
  it('finds headline, capitalised author and date', async () => {
    const a = await read('001');
    expect(a.title).toBe('Zelenskyy wants coalition of NATO countries to shoot down missiles over Ukraine');
    expect(a.authors).toEqual(['Kateryna Tyshchenko']);
    expect(a.published).toBe('2024-08-04');
    expect(a.outlet).toBeNull();
  });
  it('keeps labelled paragraphs and the Background bullets, drops ads and headline lists', async () => {
    const a = await read('001');
    const ps = paragraphs(a);
    expect(ps[0]).toBe('Zelenskyy during a conversation with journalists on 4 August. Photo: President’s Office');
    expect(ps.filter((p) => p.startsWith('Quote: '))).toHaveLength(2);
    expect(ps).toContain('Background:');
    expect(ps.at(-1)).toMatch(/^On 14 July, NATO Secretary General Jens Stoltenberg made it clear/u);
    expect(ps.slice(-3).every((p) => !p.startsWith('•'))).toBe(true);
    expect(a.text).not.toMatch(/Advertisement|Support U|Subjects:|RECENT NEWS|All News|Kinburn Spit/u);
    expect(ps).toHaveLength(12);
  });
});

describe('002 (bare body, no headline)', () => {
  it('has no title, author or date, and keeps all nine paragraphs', async () => {
    const a = await read('002');
    expect(a.title).toBeNull();
    expect(a.authors).toEqual([]);
    expect(a.published).toBeNull();
    expect(a.outlet).toBeNull();
    expect(paragraphs(a)).toHaveLength(9);
    expect(a.text.endsWith('but Bucharest has refuted the claims.')).toBe(true);
  });
});

describe('003 (Euromaidan Press page with slug soup and patron box)', () => {
  it('finds headline and date, no author', async () => {
    const a = await read('003');
    expect(a.title).toBe('Poland’s proposal to shoot down Russian missiles rejected by NATO Secretary General');
    expect(a.published).toBe('2024-07-15');
    expect(a.authors).toEqual([]);
  });
  it('keeps the dek and the quotes, drops the slug line, "Related:" and the patron pitch', async () => {
    const a = await read('003');
    const ps = paragraphs(a);
    expect(ps[0]).toMatch(/^NATO chief Stoltenberg opposes/u);
    expect(a.text).toContain('“NATO will support Ukraine, and we are now increasing our support…');
    expect(a.text.endsWith('can be applied to Ukraine.”')).toBe(true);
    expect(a.text).not.toMatch(/flickr|Related:|patron|Patron|Jul 15, 2024/u);
    expect(ps).toHaveLength(8);
  });
});

describe('004 (Ukrainska Pravda page, two authors)', () => {
  it('finds headline, both authors and date', async () => {
    const a = await read('004');
    expect(a.title).toBe(
      'NATO can down drones and missiles in Ukraine as they do in Middle East, but no agreement yet – Zelenskyy',
    );
    expect(a.authors).toEqual(['Serhiy Sydorenko', 'Mariya Yemets']);
    expect(a.published).toBe('2024-10-03');
  });
  it('keeps the quotes and source line, drops the trailing story lists', async () => {
    const a = await read('004');
    expect(a.text).toContain('Today we talked about Ukraine\'s air defence needs');
    expect(paragraphs(a)).toContain('Source: European Pravda journalist');
    expect(a.text.endsWith('[to defend Ukrainian skies – ed.]".')).toBe(true);
    expect(a.text).not.toMatch(/Satellite images|Toretsk|NATOUkraine|Follow us|Eng\b/u);
  });
});
