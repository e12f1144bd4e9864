import { ButtonStyle, type APIEmbed } from 'discord.js';
import type { FindSourcesResult, SpanResult } from '../../answer/find-sources.js';
import type { Reply } from '../command.js';
import { excerpt } from './cite.js';
import { LIMITS, fitEmbeds, truncate } from './limits.js';
import { COLOR, blockQuote, button, citationName, rows } from './parts.js';

const SPAN_IN_LIST = 150;

/**
 * The "Find sources" reply: linked indexed articles first, then each span with a source (its best
 * match, exact or close, with a ready-to-paste citation line), and a plain list of spans without one.
 * With `postKey`, a "Post publicly" button.
 */
export function formatFindSources(result: FindSourcesResult, postKey?: string): Reply {
  const found = result.spans.filter((s) => s.matches.length > 0);
  const missing = result.spans.filter((s) => s.matches.length === 0);
  const embed: APIEmbed = {
    title: 'Sources for this message',
    color: found.length || result.linked.length ? COLOR.answer : COLOR.abstain,
  };
  const lines: string[] = [];
  if (result.spans.length === 0) lines.push('No sentence or quote of at least 4 words to look up.');
  else lines.push(`Found a source for ${found.length} of ${result.spans.length} passage${result.spans.length === 1 ? '' : 's'} looked up.`);
  if (result.skipped > 0) lines.push(`Only the first ${result.spans.length} were looked up; ${result.skipped} more not checked.`);
  if (missing.length) {
    lines.push('', `**No source found for ${missing.length === 1 ? 'this passage' : `these ${missing.length} passages`}:**`);
    for (const s of missing) lines.push(`• “${truncate(s.text, SPAN_IN_LIST)}”`);
  }
  embed.description = lines.join('\n');
  const fields: NonNullable<APIEmbed['fields']> = [];
  for (const l of result.linked) {
    fields.push({
      name: truncate('Linked article: ' + citationName(null, l.source.outlet, l.source.title), LIMITS.fieldName),
      value: '`' + truncate(l.citation.replace(/`/g, "'"), 600) + '`',
    });
  }
  found.forEach((s, i) => fields.push({ name: spanName(s, i + 1), value: spanValue(s) }));
  if (fields.length) embed.fields = fields.slice(0, LIMITS.fields);
  return {
    embeds: fitEmbeds([embed]),
    components: postKey ? rows([button(`Find sources:post:${postKey}`, 'Post publicly', ButtonStyle.Primary)]) : [],
  };
}

function spanName(s: SpanResult, n: number): string {
  const best = s.matches[0]!;
  const how = best.exact ? 'exact' : 'close match';
  return truncate(`${n}. “${truncate(s.text, 120)}” (${how})`, LIMITS.fieldName);
}

function spanValue(s: SpanResult): string {
  const best = s.matches[0]!;
  const more = s.matches.length > 1 ? `\n+${s.matches.length - 1} more source${s.matches.length === 2 ? '' : 's'}` : '';
  const line = citationName(null, best.outlet, best.title) + '\n`' + truncate(best.citation.replace(/`/g, "'"), 400) + '`' + more;
  return blockQuote(excerpt(best.passage, s.text, 300), LIMITS.fieldValue - line.length - 1) + '\n' + line;
}
