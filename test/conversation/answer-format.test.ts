/** How a follow-up's answer looks in Discord: "Understood as" under the answer, "Follow up in thread", Discord's limits. */
import { describe, expect, it } from 'vitest';
import type { Answer, Citation } from '../../src/domain.js';
import { formatAnswer, showsUnderstood } from '../../src/bot/format/answer.js';
import { validateMessage } from '../helpers/fake-discord.js';

const quote = (n: number) => `The ferry terminal in Quellmouth will add crossing number ${n} this winter, the harbour master said. `;

function citation(n: number): Citation {
  return {
    n, documentId: `doc${n}`, passageId: n, file: `/c/${n}.md`, title: `Ferry report ${n}`, outlet: 'Harbour Gazette', author: 'Piet Anvers',
    published: '2023-05-02', url: `https://example.org/ferry/${n}`, quote: quote(n).repeat(8), start: 0, end: 10, score: 0.5, alsoIn: [],
  };
}

function answer(question: string, citations = 7, abstained = false): Answer {
  const cited = Array.from({ length: citations }, (_, i) => citation(i + 1));
  return {
    question, abstained, answer: abstained ? 'The coverage does not answer this.' : cited.map((c) => `${c.quote.trim()} [${c.n}]`).join(' '),
    citations: abstained ? [] : cited, closest: [], searched: 9, evidence: 0.8, timingMs: { total: 1 },
  };
}

const ids = (reply: ReturnType<typeof formatAnswer>) => reply.components.flatMap((row) => row.components.map((c) => ('custom_id' in c ? c.custom_id : '')));

describe('formatAnswer for follow-ups', () => {
  it('shows the resolved question as the first field, under the answer, on every page', () => {
    const resolved = 'What did the council decide about the ferry terminal in Quellmouth?';
    for (const page of [0, 1, 2]) {
      const reply = formatAnswer(answer(resolved), { key: 'k', page, understood: true });
      expect(reply.embeds[0]!.fields![0]).toEqual({ name: 'Understood as', value: resolved });
      expect(reply.embeds[0]!.fields!.slice(1).every((f) => f.name.startsWith('['))).toBe(true);
      expect(showsUnderstood(reply.embeds)).toBe(true);
    }
    expect(showsUnderstood(formatAnswer(answer(resolved), { key: 'k' }).embeds)).toBe(false);
  });

  it('shows it on an abstention too, which otherwise has no fields', () => {
    const reply = formatAnswer(answer('When did the lighthouse in Quellmouth close?', 0, true), { key: 'k', understood: true });
    expect(reply.embeds[0]!.fields).toEqual([{ name: 'Understood as', value: 'When did the lighthouse in Quellmouth close?' }]);
  });

  it('stays within Discord’s limits with a 6,000-character resolved question and long quotes', () => {
    const reply = formatAnswer(answer(`What did the council decide ${'about the ferry terminal '.repeat(240)}?`), { key: 'k', understood: true, threadable: true });
    expect(validateMessage(reply)).toEqual([]);
    expect(reply.embeds[0]!.fields![0]!.name).toBe('Understood as');
    expect(reply.embeds[0]!.fields![0]!.value.length).toBeLessThanOrEqual(1024);
  });

  it('offers "Follow up in thread" only when asked to, in at most 5 rows of 5 with unique ids', () => {
    const open = formatAnswer(answer('Q?'), { key: '123', threadable: true });
    expect(ids(open)).toContain('ask:thread:123');
    expect(open.components.length).toBeLessThanOrEqual(5);
    expect(open.components.every((row) => row.components.length <= 5)).toBe(true);
    expect(new Set(ids(open)).size).toBe(ids(open).length);
    expect(validateMessage(open)).toEqual([]);
    expect(ids(formatAnswer(answer('Q?'), { key: '123' }))).not.toContain('ask:thread:123');
  });
});
