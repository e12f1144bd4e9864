import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runIndex } from '../../src/indexer/run-index.js';
import { splitFrontMatter } from '../../src/read/front-matter.js';
import { extractMarkdown, stripInline } from '../../src/read/markdown.js';
import { extractHtml } from '../../src/read/html.js';

describe('front matter', () => {
  it('reads quoted values, inline lists and dash lists', () => {
    const { data, body } = splitFrontMatter('---\ntitle: "A: B"\ntags: [x, "y"]\nauthors:\n  - Ana Lima\n  - Ben Ode\n---\nBody\n');
    expect(data).toEqual({ title: 'A: B', tags: ['x', 'y'], authors: ['Ana Lima', 'Ben Ode'] });
    expect(body).toBe('Body\n');
  });

  it('refuses front matter that is never closed instead of leaking it into the text', () => {
    expect(() => splitFrontMatter('---\ntitle: Ferry strike ends\nauthor: Ana Lima\n\nThe strike ended on Friday.\n')).toThrow(
      expect.objectContaining({ name: 'UserError', message: expect.stringMatching(/^front matter is not closed/) }),
    );
    expect(() => extractMarkdown('---\r\ntitle: Ferry strike ends\r\nThe strike ended.\r\n')).toThrow(/front matter is not closed/);
  });

  it('is reported by the indexer as a failed file, by name, while the other files are indexed', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'md-unclosed-'));
    try {
      const dir = path.join(root, 'coverage');
      mkdirSync(dir);
      writeFileSync(path.join(dir, 'open.md'), '---\ntitle: Lantern festival moves indoors\n\nThe lantern festival will be held in the town hall this year, organisers said.\n');
      writeFileSync(path.join(dir, 'fine.md'), '---\ntitle: Canal reopens\n---\n\nThe canal reopened to barges on Tuesday after a month of dredging, the harbour office said.\n');
      const report = await runIndex(path.join(root, 'index'), { roots: [dir], removeMissing: true, embedder: null });
      expect(report.failed).toEqual([{ file: expect.stringMatching(/open\.md$/), error: expect.stringMatching(/^front matter is not closed/) }]);
      expect(report.added).toBe(1);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('reads a leading --- before prose as a thematic break, not as front matter', () => {
    expect(splitFrontMatter('---\nThe strike ended on Friday: ferries run again.\n')).toEqual({
      data: {},
      body: '---\nThe strike ended on Friday: ferries run again.\n',
    });
  });

  it('leaves a file without front matter alone', () => {
    expect(splitFrontMatter('# Title\n\n---\nText')).toEqual({ data: {}, body: '# Title\n\n---\nText' });
  });
});

describe('extractMarkdown', () => {
  it('decodes character references as a Markdown renderer does, only those ending in a semicolon', () => {
    const md = '---\ntitle: "&#163;2m fine for Harwick caf&#233;"\nauthor: Ana L&#237;ma\n---\n## Harwick &amp; Tolva\n\nThe caf&#233; was fined &pound;2m (&#x20AC;2.3m) by AT&T &lt;b&gt; R&D &copy.\n';
    const a = extractMarkdown(md);
    expect(a.title).toBe('£2m fine for Harwick café');
    expect(a.authors).toEqual(['Ana Líma']);
    expect(a.text).toBe('Harwick & Tolva\n\nThe café was fined £2m (€2.3m) by AT&T <b> R&D &copy.');
  });

  it('uses the first heading as title when front matter has none, and keeps the text verbatim otherwise', () => {
    const md = '---\nauthor: Ana Lima\npublished: 5 August 2024\nsource: Harbor Gazette\n---\n# Ferry strike ends\n\nThe strike that stopped ferries for **three days** ended on *Friday*, the union’s leader said.\n';
    const a = extractMarkdown(md);
    expect(a.title).toBe('Ferry strike ends');
    expect(a.authors).toEqual(['Ana Lima']);
    expect(a.published).toBe('2024-08-05');
    expect(a.outlet).toBe('Harbor Gazette');
    expect(a.text).toBe('The strike that stopped ferries for three days ended on Friday, the union’s leader said.');
  });

  it('reads a page saved as Markdown, without front matter, as a scraped page: byline, menus and story lists are not text', () => {
    const md = [
      '[Skip to main content](#main)', '', '*   [Energy](/energy)', '*   [Climate](/climate)', '',
      'Tide barrage approved for Orrin estuary', '=======================================', '',
      'By [Ana Lima](/authors/ana), Energy Correspondent', '', 'Tuesday 3 June 2025 07.00 BST', '',
      '![Barrage](/img/barrage.jpg)', '',
      'The government approved a tide barrage across the Orrin estuary on Monday, the first of its kind in the region.', '',
      'The barrage will power about 90,000 homes when it opens in 2030, its developer said.', '',
      '**Read more:** [Ports prepare for tidal power](/ports)', '', 'Topics', '------', '', '*   [Tidal power](/t/tidal)', '*   [Renewables](/t/renewables)', '',
    ].join('\n');
    const a = extractMarkdown(md);
    expect(a.title).toBe('Tide barrage approved for Orrin estuary');
    expect(a.authors).toEqual(['Ana Lima']);
    expect(a.published).toBe('2025-06-03');
    expect(a.text.split('\n\n')).toEqual([
      'The government approved a tide barrage across the Orrin estuary on Monday, the first of its kind in the region.',
      'The barrage will power about 90,000 homes when it opens in 2030, its developer said.',
    ]);
  });

  it("reads a web clipper's front matter: its source is the page's address, its authors wiki links", () => {
    const md = [
      '---', 'title: "Canal tolls to double in June"', 'source: "https://harbor-gazette.example/news/canal-tolls"',
      'author:', '  - "[[Ana Lima]]"', '  - "[[Ben Ode|B. Ode]]"', 'published: 2025-02-11', 'created: 2025-02-12', 'tags:', '  - "clippings"', '---',
      'Tolls on the Orrin canal will double from 1 June, the canal trust said on Tuesday.', '',
    ].join('\n');
    const a = extractMarkdown(md);
    expect(a.authors).toEqual(['Ana Lima', 'B. Ode']);
    expect(a.url).toBe('https://harbor-gazette.example/news/canal-tolls');
    expect(a.outlet).toBeNull();
    expect(a.published).toBe('2025-02-11');
  });

  it('reads a setext heading as a heading', () => {
    const a = extractMarkdown('---\nauthor: Ana Lima\n---\nFerry strike ends\n=================\n\nThe strike ended.\n\nTalks\n-----\n\nTalks lasted all night.\n');
    expect(a.title).toBe('Ferry strike ends');
    expect(a.text).toBe('The strike ended.\n\nTalks\n\nTalks lasted all night.');
  });

  it('strips link, image, code and emphasis syntax but not word-internal underscores or asterisks', () => {
    expect(stripInline('See [the report](https://x.example) ![chart](c.png) and `code` in snake_case_name, 2*3*4.')).toBe(
      'See the report  and code in snake_case_name, 2*3*4.',
    );
  });

  it("drops HTML's own tags but keeps wire copy's bracketed company names, tickers and e-mail addresses", () => {
    expect(stripInline('The <b>ferry</b> line<br/> sold its <span class="x">depot</span> to <my-widget>Orrin</my-widget>.')).toBe(
      'The ferry line sold its depot to Orrin.',
    );
    expect(stripInline('Corran Mills Inc <CRN> sold two mills to <Harlan Quay Holdings Ltd>, write to <desk@example.org>.')).toBe(
      'Corran Mills Inc <CRN> sold two mills to <Harlan Quay Holdings Ltd>, write to desk@example.org.',
    );
  });
});

describe('extractHtml without JSON-LD', () => {
  it('falls back to meta tags, then to the page text for the language', () => {
    const html = `<html><head><meta property="og:title" content="Ferry strike ends after three days">
      <meta property="og:site_name" content="Harbor Gazette"><meta property="article:published_time" content="2025-03-04T10:00:00Z">
      <meta name="author" content="Ana Lima"></head><body><article><h1>Ferry strike ends after three days</h1>
      <p>The strike that stopped the harbor ferries for three days ended on Friday after talks that lasted through the night.</p>
      <p>Advertisement</p>
      <p>The union said its members would return to work on Saturday morning, and the first ferry would leave at six.</p>
      <p>Officials said the timetable would be back to normal by Monday, once crews had checked every boat in the fleet.</p>
      </article></body></html>`;
    const a = extractHtml(html);
    expect(a.title).toBe('Ferry strike ends after three days');
    expect(a.outlet).toBe('Harbor Gazette');
    expect(a.published).toBe('2025-03-04');
    expect(a.authors).toEqual(['Ana Lima']);
    expect(a.language).toBe('en');
    expect(a.text.split('\n\n')).toHaveLength(3);
    expect(a.text).not.toContain('Advertisement');
  });
});
