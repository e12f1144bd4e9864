import { UserError } from '../errors.js';

/**
 * YAML-ish front matter at the top of a Markdown file: `key: value` lines, quoted values, inline
 * `[a, b]` lists and `- item` lists. Just enough YAML for article metadata, without a YAML dependency.
 */

export type FrontMatter = Record<string, string | string[]>;

export interface SplitFrontMatter {
  data: FrontMatter;
  body: string;
}

function unquote(value: string): string {
  const v = value.trim();
  return /^(["']).*\1$/u.test(v) ? v.slice(1, -1) : v;
}

function parseValue(raw: string): string | string[] {
  const v = raw.trim();
  if (v.startsWith('[') && v.endsWith(']')) {
    return v.slice(1, -1).split(',').map(unquote).filter(Boolean);
  }
  return unquote(v);
}

export function parseFrontMatterBlock(block: string): FrontMatter {
  const data: FrontMatter = {};
  let listKey: string | null = null;
  for (const line of block.split(/\r?\n/u)) {
    const item = /^\s+-\s+(.*)$|^-\s+(.*)$/u.exec(line);
    if (item && listKey) {
      const list = data[listKey];
      data[listKey] = [...(Array.isArray(list) ? list : []), unquote(item[1] ?? item[2] ?? '')];
      continue;
    }
    const pair = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/u.exec(line);
    if (!pair) continue;
    const key = pair[1]!.toLowerCase();
    listKey = pair[2]!.trim() === '' ? key : null;
    data[key] = listKey ? [] : parseValue(pair[2]!);
  }
  return data;
}

/**
 * Separates a leading `---` … `---` block from the Markdown body (no block → empty data). An opening
 * `---` followed by `key: value` lines and never closed is refused: read as body, its metadata would
 * leak into the article text, and read as metadata, the whole article would be swallowed.
 */
export function splitFrontMatter(text: string): SplitFrontMatter {
  const match = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/u.exec(text);
  if (!match) {
    // A leading `---` followed by prose is a thematic break, not front matter: the file is read as it is.
    if (/^---[ \t]*\r?\n[A-Za-z_][\w-]*[ \t]*:/u.test(text)) {
      throw new UserError('front matter is not closed (the opening --- line has no closing --- line)');
    }
    return { data: {}, body: text };
  }
  return { data: parseFrontMatterBlock(match[1]!), body: text.slice(match[0].length) };
}

/** First present key as a single string. */
export function pickString(data: FrontMatter, ...keys: string[]): string | null {
  for (const key of keys) {
    const v = data[key];
    const s = Array.isArray(v) ? v[0] : v;
    if (s && s.trim() !== '') return s.trim();
  }
  return null;
}

/** First present key as a list of strings. */
export function pickList(data: FrontMatter, ...keys: string[]): string[] {
  for (const key of keys) {
    const v = data[key];
    if (Array.isArray(v) && v.length > 0) return v;
    if (typeof v === 'string' && v.trim() !== '') return [v.trim()];
  }
  return [];
}
