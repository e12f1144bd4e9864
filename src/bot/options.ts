import type { AutocompleteInteraction } from 'discord.js';
import { UserError } from '../errors.js';
import { LIMITS, truncate } from './format/limits.js';

/**
 * A date option as yyyy-mm-dd. Accepts yyyy-mm-dd, yyyy-mm and yyyy: a partial `since` means its
 * first day, a partial `until` its last day. Anything else is a UserError that shows the format.
 */
export function parseDateOption(name: string, value: string | null, edge: 'start' | 'end'): string | undefined {
  if (value === null || value.trim() === '') return undefined;
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(value.trim());
  const bad = () => new UserError(`\`${name}\` must be a date like 2024-10-03 (or 2024-10, or 2024); got “${truncate(value, 40)}”.`);
  if (!m) throw bad();
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : edge === 'start' ? 1 : 12;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = m[3] ? Number(m[3]) : edge === 'start' ? 1 : lastDay;
  if (month < 1 || month > 12 || day < 1 || day > lastDay) throw bad();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function checkRange(since: string | undefined, until: string | undefined): void {
  if (since && until && since > until) throw new UserError(`\`since\` (${since}) is after \`until\` (${until}).`);
}

/** The index's own spelling of an outlet given in any case; a UserError naming the known ones otherwise. */
export function resolveOutlet(value: string | null, outlets: string[]): string | undefined {
  if (value === null || value.trim() === '') return undefined;
  const wanted = value.trim().toLowerCase();
  const found = outlets.find((o) => o.toLowerCase() === wanted);
  if (found) return found;
  const known = outlets.length ? ` Known outlets: ${truncate(outlets.join(', '), 1500)}.` : ' The index has no outlets yet.';
  throw new UserError(`Unknown outlet “${truncate(value, 80)}”.${known}`);
}

/** Up to 25 choices whose name contains what was typed (prefix matches first). */
export function choices(values: { name: string; value: string }[], typed: string) {
  const q = typed.trim().toLowerCase();
  const scored = values
    .map((v) => ({ v, at: v.name.toLowerCase().indexOf(q) }))
    .filter((x) => x.at >= 0)
    .sort((a, b) => Number(a.at !== 0) - Number(b.at !== 0));
  return scored.slice(0, LIMITS.choices).map(({ v }) => ({
    name: truncate(v.name, LIMITS.choiceName) || '?',
    value: v.value.slice(0, LIMITS.choiceValue),
  }));
}

/** Autocomplete for an `outlet` option, from the index. */
export async function respondOutlets(interaction: AutocompleteInteraction, outlets: string[]): Promise<void> {
  const typed = String(interaction.options.getFocused());
  await interaction.respond(choices(outlets.map((o) => ({ name: o, value: o })), typed));
}
