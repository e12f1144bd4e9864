/**
 * Optional `<file>.meta.json` next to an article: metadata a person wrote down, which beats anything
 * extraction found. Validated with zod; a bad field is named in the error.
 */
import { z } from 'zod';
import type { ArticleMeta } from '../domain.js';
import { toIsoDate } from '../clean/dates.js';
import { ReadError } from '../errors.js';
import { readRegularFile } from './regular-file.js';

/** A sidecar holds a few short fields; anything bigger is not one (and must not cost a big read). */
export const MAX_SIDECAR_BYTES = 64 * 1024;

const text = z.string().trim().min(1);

const SidecarSchema = z
  .object({
    url: z.url({ protocol: /^https?$/ }).optional(),
    outlet: text.optional(),
    title: text.optional(),
    author: z.union([text, z.array(text)]).optional(),
    published: text.refine((v) => toIsoDate(v) !== null, 'must be a date such as 2024-08-05').optional(),
    language: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z]{2,4})?$/u, 'must be a language code such as "en"').optional(),
  })
  .strict();

export type SidecarOverrides = Partial<ArticleMeta>;

export interface Sidecar {
  overrides: SidecarOverrides;
  /** Raw bytes, folded into the article's content hash so editing the sidecar re-indexes the article. */
  bytes: Uint8Array;
}

export function sidecarPath(articlePath: string): string {
  return `${articlePath}.meta.json`;
}

/** Parses and validates sidecar JSON. `displayPath` names the sidecar in errors. */
export function parseSidecar(json: string, displayPath: string): SidecarOverrides {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (cause) {
    throw new ReadError(displayPath, `invalid JSON (${(cause as Error).message})`, { cause });
  }
  const parsed = SidecarSchema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `field "${i.path.join('.') || '(root)'}": ${i.message}`);
    throw new ReadError(displayPath, `invalid sidecar: ${problems.join('; ')}`);
  }
  const s = parsed.data;
  const overrides: SidecarOverrides = {};
  if (s.url !== undefined) overrides.url = s.url;
  if (s.outlet !== undefined) overrides.outlet = s.outlet;
  if (s.title !== undefined) overrides.title = s.title;
  if (s.author !== undefined) overrides.authors = Array.isArray(s.author) ? s.author : [s.author];
  if (s.published !== undefined) overrides.published = toIsoDate(s.published);
  if (s.language !== undefined) overrides.language = s.language;
  return overrides;
}

/** The sidecar of `articlePath`, or null when there is none. */
export async function readSidecar(articlePath: string, displayPath: string): Promise<Sidecar | null> {
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(sidecarPath(articlePath), sidecarPath(displayPath), MAX_SIDECAR_BYTES);
  } catch (error) {
    if (((error as Error).cause as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') return null;
    throw error;
  }
  const json = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  return { overrides: parseSidecar(json, sidecarPath(displayPath)), bytes };
}
