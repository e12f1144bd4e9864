import { ButtonStyle, ComponentType, type APIButtonComponent } from 'discord.js';

type Style = ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success | ButtonStyle.Danger;
import { displayDate } from '../../text/display-date.js';
import { LIMITS, truncate } from './limits.js';

export const COLOR = { answer: 0x2b6cb0, abstain: 0x8a8f98, info: 0x4a5568, ok: 0x2f855a } as const;

/** "[1] Outlet · Title" (unknown parts omitted). */
export function citationName(n: number | null, outlet: string | null, title: string | null): string {
  const label = [outlet, title].filter(Boolean).join(' · ') || 'Untitled source';
  return truncate(n === null ? label : `[${n}] ${label}`, LIMITS.fieldName);
}

/** "Author · 3 Oct 2024 · link" (unknown parts omitted). */
export function metaLine(parts: { author?: string | null; published?: string | null; url?: string | null }): string {
  return [parts.author, displayDate(parts.published), parts.url].filter(Boolean).join(' · ');
}

/** Quoted text as Markdown block quote lines, cut to `max` characters at a sentence. */
export function blockQuote(text: string, max: number): string {
  const lines = text.trim().split(/\n+/).map((l) => `> ${l.trim()}`);
  return truncate(lines.join('\n'), max);
}

/** A field value: the quote, then the meta line, together within 1,024. */
export function quoteWithMeta(quote: string, meta: string, max: number = LIMITS.fieldValue): string {
  const metaPart = truncate(meta, Math.floor(max / 2));
  const room = max - (metaPart ? metaPart.length + 1 : 0);
  const body = blockQuote(quote, room);
  return [body, metaPart].filter(Boolean).join('\n') || '\u200b';
}

export function button(customId: string, label: string, style: Style = ButtonStyle.Secondary, disabled = false): APIButtonComponent {
  return {
    type: ComponentType.Button,
    custom_id: customId.slice(0, LIMITS.customId),
    label: truncate(label, LIMITS.buttonLabel),
    style,
    ...(disabled ? { disabled } : {}),
  };
}

export function emojiButton(customId: string, emoji: string, style: Style = ButtonStyle.Secondary): APIButtonComponent {
  return { type: ComponentType.Button, custom_id: customId.slice(0, LIMITS.customId), emoji: { name: emoji }, style };
}

/** Buttons in rows of at most 5, at most 5 rows. */
export function rows(buttons: APIButtonComponent[]) {
  const out = [];
  for (let i = 0; i < buttons.length && out.length < LIMITS.rows; i += LIMITS.buttonsPerRow) {
    out.push({ type: ComponentType.ActionRow as const, components: buttons.slice(i, i + LIMITS.buttonsPerRow) });
  }
  return out;
}
