/** `/feeds` replies and the "New coverage" channel posts, within Discord's limits. */
import { ButtonStyle, ComponentType, type APIButtonComponent } from 'discord.js';
import type { Reply } from '../command.js';
import type { Feed } from '../../store/feed-store.js';
import { displayAge, displayDate } from '../../text/display-date.js';
import { LIMITS, truncate } from './limits.js';
import { button, COLOR } from './parts.js';

/** One feed, in a few lines: what it is, where it posts, how it is doing. */
function feedLines(feed: Feed, now: number): string {
  const name = feed.title ? `**${feed.title}** · ${feed.url}` : feed.url;
  const status = [
    feed.channelId ? `posts in <#${feed.channelId}>` : null,
    `${feed.items} item${feed.items === 1 ? '' : 's'}${feed.itemErrors ? ` (${feed.itemErrors} refused)` : ''}`,
    `last polled ${feed.lastPolledAt ? displayAge(feed.lastPolledAt, now) : 'never'}`,
    feed.failures ? `failed ${feed.failures}× in a row, next try <t:${Math.round(Date.parse(feed.nextPollAt) / 1000)}:R>` : null,
  ].filter(Boolean);
  const lines = [`\`#${feed.id}\` ${name}`, status.join(' · ')];
  if (feed.lastError) lines.push(`⚠️ ${truncate(feed.lastError, 300)}`);
  if (feed.lastItemError) lines.push(`last refused item: ${truncate(feed.lastItemError, 200)}`);
  return lines.join('\n');
}

export function formatFeedList(feeds: Feed[], pollMinutes: number, now = Date.now()): Reply {
  if (feeds.length === 0) {
    return { content: 'No feeds are followed. Add one with `/feeds add url`.', embeds: [], components: [] };
  }
  const footer = `${feeds.length} feed${feeds.length === 1 ? '' : 's'} · polled every ${pollMinutes} min; a failing feed waits longer each time, up to a day`;
  let description = '';
  let shown = 0;
  // Room kept for the "…and N more" line.
  const room = LIMITS.description - 80;
  for (const feed of feeds) {
    const block = feedLines(feed, now);
    if (description.length + block.length + 2 > room) {
      description += `\n\n…and ${feeds.length - shown} more (see \`npm run feeds -- list\`)`;
      break;
    }
    description += (description ? '\n\n' : '') + block;
    shown++;
  }
  return { embeds: [{ title: 'Followed feeds', description, color: COLOR.info, footer: { text: footer } }], components: [] };
}

export function formatFollowed(feed: Feed, created: boolean, items: number, pollMinutes: number): Reply {
  const where = feed.channelId ? ` New items will be announced in <#${feed.channelId}>.` : '';
  const content = created
    ? `Following ${feed.url} (${items} item${items === 1 ? '' : 's'} in the feed now). New items are fetched and indexed within a minute, then every ${pollMinutes} min.${where}`
    : `Already following ${feed.url} (\`#${feed.id}\`).`;
  return { content: truncate(content, LIMITS.content), embeds: [], components: [] };
}

export function formatUnfollowed(feed: Feed): Reply {
  return { content: truncate(`No longer following ${feed.title ? `${feed.title} (${feed.url})` : feed.url}. The articles it brought stay in the coverage.`, LIMITS.content), embeds: [], components: [] };
}

/** An autocomplete choice for a feed: its title and address, within 100 characters. */
export function feedChoice(feed: Feed): { name: string; value: string } {
  return { name: truncate(feed.title ? `${feed.title} · ${feed.url}` : feed.url, LIMITS.choiceName), value: String(feed.id) };
}

export interface NewCoverage {
  documentId: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  url: string | null;
}

/** "New coverage: title · outlet · date", with "Ask about this" (a question about this article) and a link. */
export function formatNewCoverage(item: NewCoverage): Reply & { allowed_mentions: { parse: [] } } {
  const line = [item.title ?? 'Untitled article', item.outlet, displayDate(item.published)].filter(Boolean).join(' · ');
  const buttons: APIButtonComponent[] = [button(`feeds:ask:${item.documentId}`, 'Ask about this', ButtonStyle.Primary)];
  if (item.url && item.url.length <= 512) buttons.push({ type: ComponentType.Button, style: ButtonStyle.Link, url: item.url, label: 'Read the article' });
  return {
    content: truncate(`New coverage: ${line}`, LIMITS.content),
    embeds: [],
    components: [{ type: ComponentType.ActionRow, components: buttons }],
    // A title from someone else's feed must not ping anyone.
    allowed_mentions: { parse: [] },
  };
}
