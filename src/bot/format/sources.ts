import { ButtonStyle, type APIEmbed } from 'discord.js';
import type { SourceSummary } from '../../domain.js';
import type { Reply } from '../command.js';
import { displayDate } from '../../text/display-date.js';
import { fitEmbeds, truncate } from './limits.js';
import { COLOR, button, rows } from './parts.js';

export const SOURCES_PER_PAGE = 10;

/** One page of the `/sources` listing (newest first, as the core returns it), with ◀ ▶ buttons. */
export function formatSources(all: SourceSummary[], view: { key: string; page: number; filter: { outlet?: string; search?: string } }): Reply {
  const pages = Math.max(1, Math.ceil(all.length / SOURCES_PER_PAGE));
  const page = Math.min(Math.max(0, view.page), pages - 1);
  const shown = all.slice(page * SOURCES_PER_PAGE, (page + 1) * SOURCES_PER_PAGE);
  const filters = [view.filter.outlet && `outlet: ${view.filter.outlet}`, view.filter.search && `search: “${view.filter.search}”`].filter(Boolean);
  const embed: APIEmbed = {
    title: 'Indexed articles' + (filters.length ? ` (${filters.join(', ')})` : ''),
    color: COLOR.info,
    description: shown.length
      ? shown.map((s, i) => sourceLine(s, page * SOURCES_PER_PAGE + i + 1)).join('\n')
      : 'No indexed article matches.',
    footer: {
      text: all.length
        ? `Articles ${page * SOURCES_PER_PAGE + 1}–${page * SOURCES_PER_PAGE + shown.length} of ${all.length} · newest first`
        : '0 articles',
    },
  };
  const components =
    pages > 1
      ? rows([
          button(`sources:page:${view.key}:${page - 1}`, '◀ Newer', ButtonStyle.Secondary, page === 0),
          button(`sources:page:${view.key}:${page + 1}`, 'Older ▶', ButtonStyle.Secondary, page >= pages - 1),
        ])
      : [];
  return { embeds: fitEmbeds([embed]), components };
}

function sourceLine(s: SourceSummary, n: number): string {
  const title = truncate(s.title ?? s.file, 150);
  const meta = [s.outlet, s.author, displayDate(s.published), `${s.passages} passage${s.passages === 1 ? '' : 's'}`]
    .filter(Boolean)
    .map((p) => truncate(p!, 80))
    .join(' · ');
  const link = s.url && s.url.length <= 200 ? `\n   <${s.url}>` : '';
  return `**${n}.** **${title.replace(/\*/g, '')}** — ${meta}${link}`;
}
