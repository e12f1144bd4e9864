import { ButtonStyle, type APIEmbed, type APIEmbedField } from 'discord.js';
import type { Answer, AskOptions, Citation } from '../../domain.js';
import type { Reply } from '../command.js';
import { displayDate } from '../../text/display-date.js';
import { fitEmbeds, LIMITS, truncate } from './limits.js';
import { COLOR, button, citationName, emojiButton, metaLine, quoteWithMeta, rows } from './parts.js';

/** Citations per page: few enough to read at a glance, and three "Show passage" buttons in one row. */
export const CITATIONS_PER_PAGE = 3;

export function pageCount(answer: Answer): number {
  return Math.max(1, Math.ceil(answer.citations.length / CITATIONS_PER_PAGE));
}

export interface AnswerView {
  /** The key of the answer's buttons (the interaction id). */
  key: string;
  page?: number;
  options?: AskOptions;
  /** The question was a follow-up resolved into `answer.question`: show "Understood as: …". */
  understood?: boolean;
  /** Offer "Follow up in thread": a public answer outside a thread (an ephemeral message cannot hold a thread). */
  threadable?: boolean;
}

/**
 * The `/ask` reply: the answer with [n] markers, one field per citation on this page, the number of
 * articles searched, and the buttons. An abstention has no citation fields: it lists the closest
 * sources as "closest, not an answer". A resolved follow-up shows what was searched right under the answer.
 */
export function formatAnswer(answer: Answer, view: AnswerView): Reply {
  const pages = pageCount(answer);
  const page = Math.min(Math.max(0, view.page ?? 0), pages - 1);
  const shown = answer.citations.slice(page * CITATIONS_PER_PAGE, (page + 1) * CITATIONS_PER_PAGE);
  const embed: APIEmbed = {
    title: truncate(answer.question, 256),
    color: answer.abstained ? COLOR.abstain : COLOR.answer,
    description: answer.abstained ? abstentionText(answer) : answer.answer,
    footer: { text: footerText(answer, view.options ?? {}, page, pages) },
  };
  const understood = view.understood ? [understoodField(answer.question)] : [];
  if (!answer.abstained) embed.fields = [...understood, ...shown.map(citationField)];
  else if (understood.length) embed.fields = understood;

  // Two citations can quote one passage (two of its sentences): the number keeps their custom ids apart.
  const buttons = shown.map((c) => button(`ask:show:${c.passageId}:${c.n}`, `Show passage [${c.n}]`));
  const controls = [];
  if (pages > 1) {
    const next = (page + 1) % pages;
    const label = next === 0 ? 'First sources' : `More sources (${next * CITATIONS_PER_PAGE + 1}–${Math.min(answer.citations.length, (next + 1) * CITATIONS_PER_PAGE)} of ${answer.citations.length})`;
    controls.push(button(`ask:more:${view.key}:${next}`, label, ButtonStyle.Primary));
  }
  controls.push(emojiButton(`ask:fb:${view.key}:up`, '👍'), emojiButton(`ask:fb:${view.key}:down`, '👎'));
  if (view.threadable) controls.push(button(`ask:thread:${view.key}`, 'Follow up in thread'));
  return { embeds: fitEmbeds([embed]), components: [...rows(buttons), ...rows(controls)] };
}

const UNDERSTOOD = 'Understood as';

/** The resolved question, kept whole where it fits (the title may cut it at 256). */
function understoodField(question: string): APIEmbedField {
  return { name: UNDERSTOOD, value: truncate(question, LIMITS.fieldValue) };
}

function citationField(c: Citation): APIEmbedField {
  return { name: citationName(c.n, c.outlet, c.title), value: quoteWithMeta(c.quote, metaLine(c)) };
}

function abstentionText(answer: Answer): string {
  if (answer.closest.length === 0) return answer.answer;
  // Articles, not passages: two passages of one article would read as the same line twice.
  const lines = [...new Set(answer.closest.map((c) => `• ${[c.outlet, c.title, displayDate(c.published), c.url].filter(Boolean).join(' · ')}`))];
  return `${answer.answer}\n\n**Closest, not an answer:**\n${lines.join('\n')}`;
}

const SEP = ' · ';

/** "Searched 5 articles · sources 1–5 of 12 · outlet: X · since: 2024-08-01"; parsed back by `parseFooter`. */
/** Whether a reply `formatAnswer` made shows "Understood as" (so that its other pages do too). */
export function showsUnderstood(embeds: readonly { fields?: readonly { name: string }[] | undefined }[]): boolean {
  return embeds[0]?.fields?.some((f) => f.name === UNDERSTOOD) ?? false;
}

export function footerText(answer: Answer, options: AskOptions, page: number, pages: number): string {
  const parts = [`Searched ${answer.searched} article${answer.searched === 1 ? '' : 's'}`];
  if (pages > 1) {
    const from = page * CITATIONS_PER_PAGE + 1;
    parts.push(`sources ${from}–${Math.min(answer.citations.length, from + CITATIONS_PER_PAGE - 1)} of ${answer.citations.length}`);
  }
  if (options.since) parts.push(`since: ${options.since}`);
  if (options.until) parts.push(`until: ${options.until}`);
  if (options.documentId) parts.push(`article: ${options.documentId}`);
  if (options.outlet) parts.push(`outlet: ${options.outlet}`);
  return parts.join(SEP);
}

/** The filters a footer was written with, to re-run a question whose answer left the cache. */
export function parseFooter(text: string): AskOptions {
  const out: AskOptions = {};
  const since = /since: (\d{4}-\d{2}-\d{2})/.exec(text);
  const until = /until: (\d{4}-\d{2}-\d{2})/.exec(text);
  const documentId = / · article: (\S+?)(?= · |$)/.exec(text);
  const outlet = / · outlet: (.+)$/.exec(text);
  if (since) out.since = since[1]!;
  if (until) out.until = until[1]!;
  if (documentId) out.documentId = documentId[1]!;
  if (outlet) out.outlet = outlet[1]!;
  return out;
}
