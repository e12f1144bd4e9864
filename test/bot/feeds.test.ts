/**
 * /feeds through the real discord.js Client against the fake Discord, with feeds and articles served on
 * loopback: following (and refusing members), listing with errors, a poll that indexes and announces in the
 * channel, "Ask about this" → form → an answer from that article, autocomplete and removal.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployCommands } from '../../src/bot/deploy-commands.js';
import type { InteractionUser, SubcommandOption } from '../helpers/fake-discord.js';
import { articlePage, html, rss, startSite, xml } from '../feeds/fixtures.js';
import { customIds, embedOf, startHarness, waitForLog, type Harness } from './harness.js';

let h: Harness;
let site: Awaited<ReturnType<typeof startSite>>;
const admin: InteractionUser = { role: 'admin' };

beforeAll(async () => {
  site = await startSite();
  site.routes.set('/story/1', html(articlePage('Tidal pool survey finds rare anemones', 'rockpool')));
  site.routes.set('/feed.xml', xml(rss('Quillmoor Courier – Coast', [
    { guid: 'qc-coast-1', link: `${site.base}/story/1`, title: 'Rock pool survey counts record anemones', author: 'Merrin Oakhurst', date: 'Fri, 06 Mar 2026 07:00:00 GMT' },
  ])));
  h = await startHarness({ ALLOW_PRIVATE_URLS: 'true', RATE_LIMIT_PER_MINUTE: '1000' });
});
afterAll(async () => {
  expect(h.fake.rejections).toEqual([]);
  await h.close();
  await site.close();
});

const feedsCommand = (sub: string, options: SubcommandOption[] = [], who: InteractionUser = {}, type: 2 | 4 = 2) =>
  h.fake.sendSubcommand('feeds', sub, options, who, type);

describe('/feeds', () => {
  it('is registered with its subcommands', async () => {
    const result = await deployCommands(h.config);
    expect(result.names).toContain('feeds');
    const put = h.fake.requests.filter((r) => r.method === 'PUT' && r.path.endsWith('/commands')).at(-1)!;
    const feeds = (put.body as any[]).find((c) => c.name === 'feeds');
    expect(feeds.options.map((o: any) => [o.name, o.type])).toEqual([['add', 1], ['list', 1], ['remove', 1]]);
    expect(feeds.default_member_permissions).toBe(String(1 << 5));
  });

  it('refuses members without Manage Server', async () => {
    const sent = feedsCommand('add', [{ name: 'url', type: 3, value: `${site.base}/feed.xml` }]);
    expect((await h.fake.waitForAnswer(sent.token)).body).toMatchObject({ type: 4, data: { flags: 64, content: expect.stringMatching(/Manage Server/) } });
    expect(await h.bot.ctx.feeds.store.list()).toEqual([]);
  });

  it('follows a feed for an admin, with the channel to announce in', async () => {
    const sent = feedsCommand('add', [{ name: 'url', type: 3, value: `${site.base}/feed.xml` }, { name: 'channel', type: 7, value: h.fake.channelId }], admin);
    const reply = await h.fake.waitForAnswer(sent.token, 20_000);
    expect(h.fake.requestsFor(sent.token)[0]!.body).toMatchObject({ type: 5, data: { flags: 64 } });
    expect(reply.body.content).toMatch(new RegExp(`^Following ${site.base}/feed\\.xml \\(1 item in the feed now\\).*announced in <#${h.fake.channelId}>`));
    expect(await h.bot.ctx.feeds.store.list()).toMatchObject([{ url: `${site.base}/feed.xml`, channelId: h.fake.channelId, addedBy: '400000000000000004' }]);
  });

  it('refuses a feed that is not one, naming it', async () => {
    const sent = feedsCommand('add', [{ name: 'url', type: 3, value: `${site.base}/story/1` }], admin);
    const msg = await h.fake.waitForRequest((r) => r.token === sent.token && r.method === 'PATCH');
    expect(msg.body.content).toBe(`Feed ${site.base}/story/1: not an RSS or Atom feed (it is a web page; give the address of its feed)`);
  });

  it('polls: indexes the new item and announces it in the channel with "Ask about this"', async () => {
    const results = await h.bot.ctx.feeds.poller.pollDue();
    expect(results.map((r) => r.status)).toEqual(['updated']);
    const [source] = await h.coverage.sources({ search: 'Rock pool survey' });
    expect(source).toMatchObject({ title: 'Rock pool survey counts record anemones', author: 'Merrin Oakhurst', published: '2026-03-06', outlet: 'Quillmoor Courier' });
    const posted = h.fake.channelMessages.get(h.fake.channelId) ?? [];
    expect(posted).toHaveLength(1);
    expect(posted[0].content).toBe('New coverage: Rock pool survey counts record anemones · Quillmoor Courier · 6 Mar 2026');
    expect(customIds(posted[0])).toEqual([`feeds:ask:${source!.id}`, undefined]);
    expect(posted[0].components[0].components[1]).toMatchObject({ style: 5, url: `${site.base}/story/1` });
    // Nothing new on the next poll: no second post.
    await h.bot.ctx.feeds.poller.pollDue({ all: true });
    expect(h.fake.channelMessages.get(h.fake.channelId)).toHaveLength(1);
  });

  it('"Ask about this" opens a form, and the question is answered from that article', async () => {
    const post = h.fake.channelMessages.get(h.fake.channelId)![0];
    const customId = customIds(post)[0]!;
    const press = h.fake.sendButton(customId, post);
    const modal = await h.fake.waitForRequest((r) => r.token === press.token && r.path.endsWith('/callback'));
    expect(modal.body).toMatchObject({ type: 9, data: { custom_id: customId, title: expect.stringMatching(/^Ask: Rock pool survey/) } });
    expect(modal.body.data.components[0].components[0]).toMatchObject({ custom_id: 'question', type: 4 });
    const submit = h.fake.sendModalSubmit(customId, { question: 'What did volunteers report about the rockpool project?' }, post);
    const answer = await h.fake.waitForAnswer(submit.token, 20_000);
    const embed = embedOf(answer.body);
    expect(embed.description).toMatch(/Volunteers reported that the rockpool project had doubled its membership/);
    expect(embed.fields[0].name).toMatch(/Quillmoor Courier · Rock pool survey counts record anemones/);
    expect(embed.footer.text).toMatch(/ · article: [0-9a-f]+$/);
    await waitForLog(h.logs, (l) => l.msg === 'interaction' && l.kind === 'modal' && l.outcome === 'ok');

    // Another article of the same outlet and day answers this one; the form still answers from its own article.
    const sibling = path.join(mkdtempSync(path.join(os.tmpdir(), 'sibling-')), 'lighthouse.html');
    writeFileSync(sibling, articlePage('Lighthouse keepers open the tower to visitors', 'lighthouse'));
    writeFileSync(`${sibling}.meta.json`, JSON.stringify({ url: 'https://quillmoor.example/lighthouse', published: '2026-03-06' }));
    await h.coverage.addFiles([sibling]);
    const other = h.fake.sendModalSubmit(customId, { question: 'What did volunteers report about the lighthouse project?' }, post);
    const otherEmbed = embedOf((await h.fake.waitForAnswer(other.token, 20_000)).body);
    expect(JSON.stringify(otherEmbed)).not.toMatch(/Lighthouse keepers/);
    const anywhere = await h.coverage.ask('What did volunteers report about the lighthouse project?');
    expect(anywhere.citations[0]?.title).toBe('Lighthouse keepers open the tower to visitors');
  });

  it('lists feeds with a failing feed’s error and back-off', async () => {
    site.routes.set('/feed.xml', xml('<rss><channel><title>Oops</channel></rss>'));
    await h.bot.ctx.feeds.poller.pollDue({ all: true });
    const sent = feedsCommand('list', [], admin);
    const reply = await h.fake.waitForAnswer(sent.token);
    expect(reply.body).toMatchObject({ type: 4, data: { flags: 64 } });
    const embed = embedOf(reply.body);
    expect(embed.description).toContain(`${site.base}/feed.xml`);
    expect(embed.description).toMatch(/1 item · last polled .* · failed 1× in a row, next try <t:\d+:R>/);
    expect(embed.description).toContain(`⚠️ Feed ${site.base}/feed.xml: not well-formed XML`);
  });

  it('autocompletes feeds and removes one', async () => {
    const auto = feedsCommand('remove', [{ name: 'feed', type: 3, value: 'quill', focused: true }], admin, 4);
    const choices = (await h.fake.waitForAnswer(auto.token)).body.data.choices;
    const [feed] = await h.bot.ctx.feeds.store.list();
    expect(choices).toEqual([{ name: `Quillmoor Courier – Coast · ${site.base}/feed.xml`, value: String(feed!.id) }]);
    const sent = feedsCommand('remove', [{ name: 'feed', type: 3, value: String(feed!.id) }], admin);
    expect((await h.fake.waitForAnswer(sent.token)).body.data.content).toMatch(/^No longer following Quillmoor Courier – Coast/);
    expect(await h.bot.ctx.feeds.store.list()).toEqual([]);
    // The article it brought stays.
    expect(await h.coverage.sources({ search: 'Rock pool survey' })).toHaveLength(1);
    const byUrl = feedsCommand('remove', [{ name: 'feed', type: 3, value: `${site.base}/feed.xml` }], admin);
    expect((await h.fake.waitForAnswer(byUrl.token)).body.data.content).toMatch(/No followed feed matches/);
  });
});
