import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../src/store/sqlite/database.js';
import { customIds, embedOf, startHarness, waitForLog, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ RATE_LIMIT_PER_MINUTE: '1000' });
});
afterAll(async () => {
  expect(JSON.stringify(h.fake.rejections)).toBe('[]');
  await h.close();
});

describe('/ask against the real core', () => {
  it('defers at once, then edits the reply into a cited embed with buttons', async () => {
    const sent = h.fake.sendSlashCommand('ask', { question: 'What did Zelensky and Rutte talk about at their meeting?' });
    const edit = await h.fake.waitForAnswer(sent.token);
    const [defer] = h.fake.requestsFor(sent.token);
    expect(defer!.path).toMatch(/\/callback$/);
    expect(defer!.body).toEqual({ type: 5, data: { flags: 0 } });
    expect(edit.method).toBe('PATCH');
    const embed = embedOf(edit.body);
    expect(embed.title).toBe('What did Zelensky and Rutte talk about at their meeting?');
    expect(embed.description).toMatch(/\[1\]/);
    expect(embed.fields.length).toBeGreaterThan(0);
    expect(embed.fields[0].name).toMatch(/^\[1\] /);
    expect(embed.fields[0].value).toMatch(/^> /);
    expect(embed.fields[0].value).toContain('3 Oct 2024');
    expect(embed.footer.text).toMatch(/^Searched 4 articles/);
    const ids = customIds(edit.body);
    expect(ids.filter((id) => id.startsWith('ask:show:'))).toHaveLength(embed.fields.length);
    expect(ids).toContain(`ask:fb:${sent.id}:up`);
    expect(ids).toContain(`ask:fb:${sent.id}:down`);
  });

  it('shows an abstention differently: no citation fields, grey', async () => {
    const sent = h.fake.sendSlashCommand('ask', { question: 'What is the capital of Australia?' });
    const edit = await h.fake.waitForAnswer(sent.token);
    const embed = embedOf(edit.body);
    expect(embed.fields ?? []).toEqual([]);
    expect(embed.description).toMatch(/does not answer/);
    expect(embed.color).toBe(0x8a8f98);
    expect(customIds(edit.body).some((id) => id.startsWith('ask:show:'))).toBe(false);
  });

  it('defers ephemerally when private', async () => {
    const sent = h.fake.sendSlashCommand('ask', { question: 'Which aircraft was Zelensky standing in front of?', private: true });
    await h.fake.waitForAnswer(sent.token);
    expect(h.fake.requestsFor(sent.token)[0]!.body).toEqual({ type: 5, data: { flags: 64 } });
  });

  it('filters by outlet and dates, and says which filters it used', async () => {
    const sent = h.fake.sendSlashCommand('ask', { question: 'What did Stoltenberg say?', outlet: 'kyiv independent', since: '2024-07', until: '2024-08-31' });
    const edit = await h.fake.waitForAnswer(sent.token);
    const footer = embedOf(edit.body).footer.text;
    expect(footer).toContain('since: 2024-07-01');
    expect(footer).toContain('until: 2024-08-31');
    expect(footer).toContain('outlet: Kyiv Independent');
  });

  it.each([
    [{ since: 'last tuesday' }, /`since` must be a date like 2024-10-03/],
    [{ until: '2024-02-30' }, /`until` must be a date/],
    [{ since: '2024-09-01', until: '2024-08-01' }, /is after/],
    [{ outlet: 'The Daily Planet' }, /Unknown outlet “The Daily Planet”\. Known outlets: Kyiv Independent/],
  ])('refuses invalid options %j with a clear ephemeral message', async (options, message) => {
    const sent = h.fake.sendSlashCommand('ask', { question: 'Anything?', ...options });
    const reply = await h.fake.waitForAnswer(sent.token);
    expect(reply.body.type).toBe(4);
    expect(reply.body.data.flags).toBe(64);
    expect(reply.body.data.content).toMatch(message);
  });

  it('autocompletes outlets from the index', async () => {
    const sent = h.fake.sendAutocomplete('ask', { question: 'x', outlet: 'kyi' }, 'outlet');
    const res = await h.fake.waitForAnswer(sent.token);
    expect(res.body).toEqual({ type: 8, data: { choices: [{ name: 'Kyiv Independent', value: 'Kyiv Independent' }] } });
  });

  it('answers a 1,000-character question within the limits', async () => {
    const question = ('Did NATO agree to shoot down Russian missiles over Ukraine, and what did Stoltenberg say about it? ').repeat(11).slice(0, 1000);
    const sent = h.fake.sendSlashCommand('ask', { question });
    const edit = await h.fake.waitForAnswer(sent.token);
    const embed = embedOf(edit.body);
    expect(embed.title.length).toBeLessThanOrEqual(256);
    expect(embed.title.endsWith('…')).toBe(true);
  });
});

describe('/ask buttons', () => {
  it('"More sources" shows the next citations in the same message', async () => {
    const sent = h.fake.sendSlashCommand('ask', { question: 'What did Zelensky and Rutte talk about at their meeting?' });
    await h.fake.waitForAnswer(sent.token);
    const message = structuredClone(h.fake.originals.get(sent.token));
    expect(message.embeds[0].fields.map((f: any) => f.name.slice(0, 3))).toEqual(['[1]', '[2]', '[3]']);
    const more = customIds(message).find((id) => id.startsWith('ask:more:'))!;
    expect(more).toBe(`ask:more:${sent.id}:1`);
    const press = h.fake.sendButton(more, message);
    const update = await h.fake.waitForAnswer(press.token);
    expect(update.body.type).toBe(7);
    const fields = update.body.data.embeds[0].fields;
    expect(fields[0].name.slice(0, 3)).toBe('[4]');
    expect(update.body.data.embeds[0].description).toBe(message.embeds[0].description);
    expect(customIds(update.body)).toContain(`ask:more:${sent.id}:0`);
  });

  it('"Show passage" replies ephemerally with the whole passage', async () => {
    const sent = h.fake.sendSlashCommand('ask', { question: 'What did Stoltenberg say NATO is doing with its support for Ukraine?' });
    await h.fake.waitForAnswer(sent.token);
    const message = h.fake.originals.get(sent.token);
    const showId = customIds(message).find((id) => id.startsWith('ask:show:'))!;
    const press = h.fake.sendButton(showId, message);
    const reply = await h.fake.waitForAnswer(press.token);
    expect(reply.body.type).toBe(4);
    expect(reply.body.data.flags).toBe(64);
    const passage = (await h.coverage.passage(Number(showId.split(':')[2])))!;
    expect(reply.body.data.embeds[0].description).toBe(passage.passage.text);
  });

  it('stores 👍 / 👎 feedback with the question and cited passage ids', async () => {
    const question = 'Which aircraft was Zelensky standing in front of on the Air Force day?';
    const sent = h.fake.sendSlashCommand('ask', { question });
    await h.fake.waitForAnswer(sent.token);
    const message = h.fake.originals.get(sent.token);
    const press = h.fake.sendButton(`ask:fb:${sent.id}:down`, message, { userId: '777' });
    const reply = await h.fake.waitForAnswer(press.token);
    expect(reply.body.data.content).toMatch(/👎 was recorded/);
    const cited = Number(/of (\d+)/.exec(message.embeds[0].footer.text)?.[1] ?? message.embeds[0].fields.length);
    expect(cited).toBeGreaterThan(0);
    // The write follows the acknowledgement through the bot's write queue.
    const rows = await feedbackRows('777', 1);
    expect(rows).toHaveLength(1);
    expect(rows[0].question).toBe(question);
    expect(rows[0].helpful).toBe(0);
    expect(JSON.parse(rows[0].passage_ids)).toHaveLength(cited);
  });

  it('acknowledges feedback at once while an indexing run holds the write lock, and stores it after', async () => {
    const question = 'Which aircraft was Zelensky standing in front of on the Air Force day?';
    const sent = h.fake.sendSlashCommand('ask', { question });
    await h.fake.waitForAnswer(sent.token);
    const message = h.fake.originals.get(sent.token);
    const writer = new Database(path.join(h.config.indexDir, DATABASE_FILE));
    writer.exec('BEGIN IMMEDIATE');
    let held = true;
    try {
      const started = Date.now();
      const press = h.fake.sendButton(`ask:fb:${sent.id}:up`, message, { userId: '779' });
      const reply = await h.fake.waitForAnswer(press.token);
      expect(reply.body.data.content).toMatch(/👍 was recorded/);
      expect(Date.now() - started).toBeLessThan(3000);
      await new Promise((r) => setTimeout(r, 800));
      expect(await feedbackRows('779', 0, 0)).toHaveLength(0);
      writer.exec('COMMIT');
      held = false;
    } finally {
      if (held) writer.exec('ROLLBACK');
      writer.close();
    }
    const rows = await feedbackRows('779', 1);
    expect(rows).toHaveLength(1);
    expect(rows[0].helpful).toBe(1);
    expect(h.logs.some((l) => l.msg === 'write failed')).toBe(false);
  });

  it('falls back to re-running the question when the answer left the cache', async () => {
    const sent = h.fake.sendSlashCommand('ask', { question: 'What did Zelensky and Rutte talk about at their meeting?' });
    await h.fake.waitForAnswer(sent.token);
    const message = h.fake.originals.get(sent.token);
    const press = h.fake.sendButton(`ask:fb:forgotten-key:up`, message, { userId: '778' });
    const reply = await h.fake.waitForAnswer(press.token);
    expect(reply.body.content ?? reply.body.data?.content).toMatch(/👍 was recorded/);
    await waitForLog(h.logs, (l) => l.user === '778' && l.kind === 'button');
    const more = h.fake.sendButton('ask:more:another-lost-key:1', message);
    const edit = await h.fake.waitForAnswer(more.token);
    expect(h.fake.requestsFor(more.token)[0]!.body.type).toBe(6);
    expect(edit.method).toBe('PATCH');
    expect(edit.body.embeds[0].fields[0].name.slice(0, 3)).toBe('[4]');
  });
});

/** The feedback rows of a user, polled until there are `want` of them or `timeoutMs` passed. */
async function feedbackRows(userId: string, want: number, timeoutMs = 10_000): Promise<any[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const db = new Database(path.join(h.config.indexDir, DATABASE_FILE), { readonly: true });
    const rows = db.prepare('SELECT * FROM feedback WHERE user_id = ?').all(userId) as any[];
    db.close();
    if (rows.length >= want || Date.now() >= until) return rows;
    await new Promise((r) => setTimeout(r, 50));
  }
}
