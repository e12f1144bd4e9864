import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployCommands } from '../../src/bot/deploy-commands.js';
import { article } from './articles.js';
import { customIds, embedOf, startHarness, waitForLog, type Harness } from './harness.js';
import { MADE_UP, twoIndexedSentences } from '../helpers/indexed-sentences.js';


let h: Harness;
let dir = '';
beforeAll(async () => {
  h = await startHarness({ RATE_LIMIT_PER_MINUTE: '1000' });
  dir = mkdtempSync(path.join(os.tmpdir(), 'find-sources-'));
  const file = path.join(dir, 'grain-5.md');
  writeFileSync(file, article(5));
  await h.coverage.addFiles([file]);
});
afterAll(async () => {
  expect(h.fake.rejections).toEqual([]);
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('"Find sources" (message context menu)', () => {
  it('is registered as a message command with no description or options', async () => {
    const result = await deployCommands(h.config);
    expect(result.names).toContain('Find sources');
    const put = await h.fake.waitForRequest((r) => r.method === 'PUT' && r.path.endsWith('/commands'));
    expect(put.status).toBe(200);
    const command = put.body.find((c: any) => c.name === 'Find sources');
    expect(command.type).toBe(3);
    expect(command.description ?? '').toBe('');
    expect(command.options ?? []).toEqual([]);
  });

  let answered: { token: string; body: any } | null = null;

  it('cites the quoted sentences from the coverage and says which one has no source, ephemerally', async () => {
    const [a, b] = await twoIndexedSentences(h.coverage);
    const sent = h.fake.sendMessageCommand('Find sources', { content: `As reported: “${a}”\n${b} ${MADE_UP}` });
    const edit = await h.fake.waitForAnswer(sent.token);
    expect(h.fake.requestsFor(sent.token)[0]!.body).toMatchObject({ type: 5, data: { flags: 64 } });
    expect(h.fake.originals.get(sent.token).flags & 64).toBe(64);
    const embed = embedOf(edit.body);
    expect(embed.description).toMatch(/Found a source for 2 of 3 passages/);
    expect(embed.description).toMatch(/No source found for this passage:\*\*\n• “The lighthouse keeper painted seventeen violet giraffes/);
    expect(embed.fields).toHaveLength(2);
    const names = embed.fields.map((f: any) => f.name).join('\n');
    expect(names).toContain(a.slice(0, 40));
    expect(names).toContain(b.slice(0, 40));
    expect(embed.fields.every((f: any) => /\(exact\)$/.test(f.name) && /\n`[^`]+`$/.test(f.value))).toBe(true);
    expect(customIds(edit.body)).toEqual([`Find sources:post:${sent.id}`]);
    answered = { token: sent.token, body: edit.body };
  });

  it('"Post publicly" posts the same reply in the channel, not ephemeral', async () => {
    expect(answered).not.toBeNull();
    const press = h.fake.sendButton(customIds(answered!.body)[0]!, h.fake.originals.get(answered!.token));
    const post = await h.fake.waitForAnswer(press.token);
    expect(post.body.type).toBe(4);
    expect(post.body.data.flags ?? 0).toBe(0);
    expect(post.body.data.embeds).toEqual(answered!.body.embeds);
    expect(post.body.data.components ?? []).toEqual([]);
  });

  it('refuses a message over 4,000 characters, clearly and ephemerally', async () => {
    const sent = h.fake.sendMessageCommand('Find sources', { content: 'Word soup. '.repeat(500).slice(0, 5000) });
    const reply = await h.fake.waitForAnswer(sent.token);
    expect(reply.body.type).toBe(4);
    expect(reply.body.data.flags).toBe(64);
    expect(reply.body.data.content).toMatch(/too long to check \(5,000 characters; the limit is 4,000\)/);
    await waitForLog(h.logs, (l) => l.msg === 'interaction' && l.command === 'Find sources' && l.outcome === 'user_error');
  });

  it('cites first the indexed article whose URL the message holds', async () => {
    const [a] = await twoIndexedSentences(h.coverage);
    const sent = h.fake.sendMessageCommand('Find sources', { content: `Worth reading http://example.org/grain/5/ and also “${a}”` });
    const embed = embedOf((await h.fake.waitForAnswer(sent.token)).body);
    expect(embed.fields[0].name).toBe('Linked article: Harbour Gazette · Grain corridor report number 5');
    expect(embed.fields[0].value).toBe('`Reporter 5, "Grain corridor report number 5", Harbour Gazette, 6 May 2023, https://example.org/grain/5`');
    expect(embed.fields[1].name).toContain(a.slice(0, 40));
  });
});
