import type { APIEmbed } from 'discord.js';

/** Discord's message limits (discord-api-docs; Sapphire's EmbedLimits). Over any of them → 400 50035. */
export const LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  embedTotal: 6000,
  rows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

const ELLIPSIS = '…';
const SENTENCE_END = /[.!?…]["'”’)\]]*(?=\s)|\n/g;

/**
 * Cuts `text` to at most `max` characters, at the last sentence boundary that keeps at least half of
 * the room (else the last space, else anywhere), and marks the cut with "…". Short text is returned as is.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return max === 1 ? ELLIPSIS : '';
  const room = text.slice(0, max - 1);
  let cut = -1;
  for (const m of room.matchAll(SENTENCE_END)) {
    const end = m.index + (m[0] === '\n' ? 0 : m[0].length);
    if (end >= room.length * 0.5) cut = end;
  }
  if (cut < 0) {
    const space = room.lastIndexOf(' ');
    cut = space >= room.length * 0.5 ? space : room.length;
  }
  let head = room.slice(0, cut);
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
  return head.trimEnd() + ELLIPSIS;
}

/** The characters Discord counts towards the 6,000 per message. */
export function embedLength(embed: APIEmbed): number {
  let n = (embed.title ?? '').length + (embed.description ?? '').length;
  n += (embed.footer?.text ?? '').length + (embed.author?.name ?? '').length;
  for (const f of embed.fields ?? []) n += f.name.length + f.value.length;
  return n;
}

/** One embed within every per-embed limit (fields are never empty: Discord rejects an empty value). */
export function clampEmbed(embed: APIEmbed): APIEmbed {
  const out: APIEmbed = { ...embed };
  if (out.title !== undefined) out.title = truncate(out.title, LIMITS.title);
  if (out.description !== undefined) out.description = truncate(out.description, LIMITS.description);
  if (out.footer) out.footer = { ...out.footer, text: truncate(out.footer.text, LIMITS.footer) };
  if (out.author) out.author = { ...out.author, name: truncate(out.author.name, LIMITS.authorName) };
  if (out.fields) {
    out.fields = out.fields.slice(0, LIMITS.fields).map((f) => ({
      ...f,
      name: truncate(f.name, LIMITS.fieldName) || '\u200b',
      value: truncate(f.value, LIMITS.fieldValue) || '\u200b',
    }));
  }
  return out;
}

/**
 * Embeds that together fit a message: at most 10, each clamped, and 6,000 characters in all.
 * Over budget, the longest description or field value is cut (at a sentence) until it fits.
 */
export function fitEmbeds(embeds: APIEmbed[], budget: number = LIMITS.embedTotal): APIEmbed[] {
  const out = embeds.slice(0, LIMITS.embeds).map(clampEmbed);
  const total = () => out.reduce((n, e) => n + embedLength(e), 0);
  for (let guard = 0; total() > budget && guard < 200; guard++) {
    const excess = total() - budget;
    let best: { embed: APIEmbed; field: number; len: number } | null = null;
    for (const embed of out) {
      const d = embed.description?.length ?? 0;
      if (!best || d > best.len) best = { embed, field: -1, len: d };
      (embed.fields ?? []).forEach((f, i) => {
        if (f.value.length > best!.len) best = { embed, field: i, len: f.value.length };
      });
    }
    if (!best || best.len <= 40) break;
    const target = Math.max(20, Math.min(best.len - excess, Math.floor(best.len * 0.75)));
    if (best.field < 0) best.embed.description = truncate(best.embed.description ?? '', target);
    else {
      const f = best.embed.fields![best.field]!;
      best.embed.fields![best.field] = { ...f, value: truncate(f.value, target) || '\u200b' };
    }
  }
  while (total() > budget) {
    const last = [...out].reverse().find((e) => (e.fields?.length ?? 0) > 0);
    if (last) last.fields = last.fields!.slice(0, -1);
    else if (out.length > 1) out.pop();
    else break;
  }
  return out;
}
