import type { APIEmbed } from 'discord.js';
import type { QuoteLookup, QuoteMatch } from '../../domain.js';
import type { Reply } from '../command.js';
import { LIMITS, fitEmbeds, truncate } from './limits.js';
import { COLOR, blockQuote, citationName } from './parts.js';

/** The `/cite` reply: each source of the quote with its passage and a ready-to-paste citation line. */
export function formatQuoteLookup(lookup: QuoteLookup): Reply {
  const embed: APIEmbed = {
    title: truncate(`Where “${lookup.quote}” comes from`, LIMITS.title),
    color: lookup.matches.length ? COLOR.answer : COLOR.abstain,
  };
  if (lookup.matches.length === 0) {
    embed.description = 'No indexed article contains this quote, exactly or closely.';
  } else {
    const exact = lookup.matches.filter((m) => m.exact).length;
    embed.description = exact
      ? `Found verbatim in ${exact} source${exact === 1 ? '' : 's'}.`
      : 'Not found verbatim; these passages come closest.';
    embed.fields = lookup.matches.slice(0, LIMITS.fields).map((m, i) => ({
      name: citationName(i + 1, m.outlet, m.title) + (m.exact ? '' : ' (close match)'),
      value: matchValue(m, lookup.quote),
    }));
  }
  return { embeds: fitEmbeds([embed]), components: [] };
}

function matchValue(m: QuoteMatch, quote: string): string {
  const line = '`' + truncate(m.citation.replace(/`/g, "'"), 600) + '`';
  return blockQuote(excerpt(m.passage, quote, 600), LIMITS.fieldValue - line.length - 1) + '\n' + line;
}

/** The part of `passage` around `quote`, so a long passage still shows the quoted words. */
export function excerpt(passage: string, quote: string, max: number): string {
  if (passage.length <= max) return passage;
  const at = passage.toLowerCase().indexOf(quote.toLowerCase().slice(0, 60));
  if (at <= max / 4) return truncate(passage, max);
  const from = passage.lastIndexOf(' ', Math.max(0, at - Math.floor(max / 4)));
  return truncate('…' + passage.slice(from + 1), max);
}
