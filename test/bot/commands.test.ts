import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { article } from './articles.js';
import { customIds, embedOf, startHarness, type Harness } from './harness.js';

let h: Harness;
let dir = '';
beforeAll(async () => {
  h = await startHarness({ RATE_LIMIT_PER_MINUTE: '1000' });
  dir = mkdtempSync(path.join(os.tmpdir(), 'more-articles-'));
  const files = Array.from({ length: 12 }, (_, i) => {
    const file = path.join(dir, `grain-${i + 1}.md`);
    writeFileSync(file, article(i + 1));
    return file;
  });
  await h.coverage.addFiles(files);
});
afterAll(async () => {
  expect(h.fake.rejections).toEqual([]);
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('/cite', () => {
  it('finds where a quote comes from, with a ready-to-paste citation line', async () => {
    const sent = h.fake.sendSlashCommand('cite', { quote: 'increasing our support' });
    const edit = await h.fake.waitForAnswer(sent.token);
    expect(h.fake.requestsFor(sent.token)[0]!.body.type).toBe(5);
    const embed = embedOf(edit.body);
    expect(embed.description).toMatch(/Found verbatim in 1 source/);
    expect(embed.fields[0].value).toContain('increasing our support');
    expect(embed.fields[0].value).toMatch(/`.*15 July 2024.*`$/);
  });

  it('says so when no article has the quote', async () => {
    const sent = h.fake.sendSlashCommand('cite', { quote: 'zebra quantum saxophone' });
    const edit = await h.fake.waitForAnswer(sent.token);
    expect(embedOf(edit.body).description).toMatch(/No indexed article contains this quote/);
  });
});

describe('/sources and /source', () => {
  it('lists articles newest first, paged with buttons', async () => {
    const sent = h.fake.sendSlashCommand('sources');
    const reply = await h.fake.waitForAnswer(sent.token);
    expect(reply.body.type).toBe(4);
    const embed = embedOf(reply.body);
    expect(embed.footer.text).toBe('Articles 1–10 of 16 · newest first');
    expect(embed.description.split('\n')[0]).toMatch(/^\*\*1\.\*\* \*\*NATO can down drones/);
    const ids = customIds(reply.body);
    expect(ids).toEqual([`sources:page:${sent.id}:-1`, `sources:page:${sent.id}:1`]);
    const press = h.fake.sendButton(ids[1]!, h.fake.originals.get(sent.token));
    const update = await h.fake.waitForAnswer(press.token);
    expect(update.body.type).toBe(7);
    expect(embedOf(update.body).footer.text).toBe('Articles 11–16 of 16 · newest first');
  });

  it('answers a paging button whose listing left the cache, and a button of an unknown command', async () => {
    const stale = h.fake.sendButton('sources:page:gone:1', { id: '1', embeds: [], components: [] });
    expect((await h.fake.waitForAnswer(stale.token)).body.data).toMatchObject({ flags: 64, content: 'This listing has expired; run /sources again.' });
    const unknown = h.fake.sendButton('poll:vote:1', { id: '1', embeds: [], components: [] });
    expect((await h.fake.waitForAnswer(unknown.token)).body.data.content).toMatch(/no longer supported/);
  });

  it('filters by outlet and search words', async () => {
    const sent = h.fake.sendSlashCommand('sources', { outlet: 'harbour gazette', search: 'number 12' });
    const reply = await h.fake.waitForAnswer(sent.token);
    const embed = embedOf(reply.body);
    expect(embed.title).toBe('Indexed articles (outlet: Harbour Gazette, search: “number 12”)');
    expect(embed.description).toMatch(/Grain corridor report number 12/);
    expect(customIds(reply.body)).toEqual([]);
  });

  it('autocompletes outlets for /sources and titles for /source', async () => {
    const a = h.fake.sendAutocomplete('sources', { outlet: 'har' }, 'outlet');
    expect((await h.fake.waitForAnswer(a.token)).body.data.choices).toEqual([{ name: 'Harbour Gazette', value: 'Harbour Gazette' }]);
    const b = h.fake.sendAutocomplete('source', { article: 'shoot down' }, 'article');
    const choices = (await h.fake.waitForAnswer(b.token)).body.data.choices;
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.every((c: any) => /shoot down/i.test(c.name))).toBe(true);
    const all = h.fake.sendAutocomplete('source', { article: '' }, 'article');
    expect((await h.fake.waitForAnswer(all.token)).body.data.choices).toHaveLength(16);
  });

  it('/source shows one article with its passages count', async () => {
    const target = (await h.coverage.sources({ search: 'number 3' })).find((s) => s.title?.endsWith('number 3'))!;
    const sent = h.fake.sendSlashCommand('source', { article: target.id });
    const embed = embedOf((await h.fake.waitForAnswer(sent.token)).body);
    expect(embed.title).toBe('Grain corridor report number 3');
    expect(embed.url).toBe('https://example.org/grain/3');
    const field = (name: string) => embed.fields.find((f: any) => f.name === name)?.value;
    expect(field('Outlet')).toBe('Harbour Gazette');
    expect(field('Published')).toBe('4 May 2023');
    expect(field('Passages')).toBe(String(target.passages));
  });

  it('/source with an unknown article answers ephemerally', async () => {
    const sent = h.fake.sendSlashCommand('source', { article: 'no such thing' });
    const reply = await h.fake.waitForAnswer(sent.token);
    expect(reply.body.data.flags).toBe(64);
    expect(reply.body.data.content).toMatch(/No indexed article “no such thing”/);
  });
});

describe('/stats', () => {
  it('shows documents, passages, outlets, date range, search mode and index age', async () => {
    const sent = h.fake.sendSlashCommand('stats');
    const embed = embedOf((await h.fake.waitForAnswer(sent.token)).body);
    const field = (name: string) => embed.fields.find((f: any) => f.name === name)?.value;
    const stats = await h.coverage.stats();
    expect(field('Documents')).toBe('16');
    expect(field('Passages')).toBe(String(stats.passages));
    expect(field('Outlets')).toBe('2');
    expect(field('Date range')).toBe('2 May 2023 – 3 Oct 2024');
    expect(field('Search')).toBe('full-text only');
    expect(field('Index age')).toMatch(/^updated .* ago$|just now/);
  });
});
