import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { IndexReport, IndexStats, Passage, SourceSummary } from '../../domain.js';
import type { Reply } from '../command.js';
import { displayAge, displayDate } from '../../text/display-date.js';
import { LIMITS, fitEmbeds, truncate } from './limits.js';
import { COLOR, metaLine } from './parts.js';

const isHttp = (url: string | null): url is string => !!url && /^https?:\/\/\S+$/.test(url) && url.length <= 2000;

function field(name: string, value: string | null | undefined, inline = true): APIEmbedField[] {
  return value ? [{ name, value: truncate(value, LIMITS.fieldValue), inline }] : [];
}

/** `/source`: one article's details and its passages count. */
export function formatSource(s: SourceSummary): Reply {
  const embed: APIEmbed = {
    title: s.title ?? s.file,
    color: COLOR.info,
    ...(isHttp(s.url) ? { url: s.url } : {}),
    fields: [
      ...field('Outlet', s.outlet),
      ...field('Author', s.author),
      ...field('Published', displayDate(s.published)),
      ...field('Passages', String(s.passages)),
      ...field('Language', s.language),
      ...field('Link', s.url, false),
      ...field('File', s.file, false),
      ...field('Also saved as', s.aliases.join('\n'), false),
    ],
    footer: { text: `id ${s.id}` },
  };
  return { embeds: fitEmbeds([embed]), components: [] };
}

/** "Show passage": the whole passage, over two embeds if it is longer than one description. */
export function formatPassage(p: { passage: Passage; source: SourceSummary }): Reply {
  const head = p.passage.text.length > LIMITS.description ? truncate(p.passage.text, 4000) : p.passage.text;
  const rest = p.passage.text.slice(head.length - 1).trimStart();
  const first: APIEmbed = {
    title: [p.source.outlet, p.source.title ?? p.source.file].filter(Boolean).join(' · '),
    color: COLOR.info,
    ...(isHttp(p.source.url) ? { url: p.source.url } : {}),
    description: head,
  };
  const embeds = [first];
  if (head.length < p.passage.text.length) embeds.push({ color: COLOR.info, description: '…' + rest });
  embeds[embeds.length - 1]!.footer = { text: metaLine({ author: p.source.author, published: p.source.published, url: null }) || `Passage ${p.passage.id}` };
  return { embeds: fitEmbeds(embeds), components: [] };
}

/** `/stats`: what the index holds and how fresh it is. */
export function formatStats(s: IndexStats, now = Date.now()): Reply {
  const range = s.earliest || s.latest ? `${displayDate(s.earliest) ?? '?'} – ${displayDate(s.latest) ?? '?'}` : 'no dated articles';
  const embed: APIEmbed = {
    title: 'Coverage index',
    color: COLOR.info,
    fields: [
      { name: 'Documents', value: String(s.documents), inline: true },
      { name: 'Passages', value: String(s.passages), inline: true },
      { name: 'Outlets', value: String(s.outlets.length), inline: true },
      { name: 'Date range', value: range, inline: true },
      { name: 'Search', value: s.embeddingModel ? `hybrid, embedding model ${s.embeddingModel}` : 'full-text only', inline: true },
      { name: 'Index age', value: s.updatedAt ? `updated ${displayAge(s.updatedAt, now)}` : 'unknown', inline: true },
      ...field('Outlet names', s.outlets.join(', '), false),
    ],
  };
  return { embeds: fitEmbeds([embed]), components: [] };
}

export type AddStatus = 'added' | 'updated' | 'unchanged' | 'duplicate';

const HEADINGS: Record<AddStatus, string> = {
  added: 'Added',
  updated: 'Updated',
  unchanged: 'Already indexed, unchanged',
  duplicate: 'Already in the coverage (same text)',
};

/** `/add`: what was added (title, outlet, date, passages), or which article already had the text. */
export function formatAdded(status: AddStatus, source: SourceSummary | null, origin: string, report: IndexReport): Reply {
  const embed: APIEmbed = {
    title: `${HEADINGS[status]}: ${source?.title ?? origin}`,
    color: status === 'added' || status === 'updated' ? COLOR.ok : COLOR.info,
    fields: [
      ...field('Outlet', source?.outlet ?? 'unknown'),
      ...field('Date', displayDate(source?.published ?? null) ?? 'unknown'),
      ...field('Passages', String(source?.passages ?? 0)),
      ...field('From', origin, false),
    ],
    footer: { text: `The index now holds ${report.documents} articles, ${report.passages} passages.` },
  };
  return { embeds: fitEmbeds([embed]), components: [] };
}
