/**
 * Finds the outlet's name when a page names itself in its own calls to action ("Millions read the
 * Daily Example, but…", "© 2025 Daily Example"). Abbreviations and "us/our" are not names: null then.
 */
import { isCallToAction } from './chrome.js';

/** Two to four capitalised words: one capitalised word ("UP", "Us") is too weak to call an outlet. */
const NAME = "(\\p{Lu}[\\p{L}'’&-]*(?:\\s+\\p{Lu}[\\p{L}'’&-]*){1,3})";
const SELF_REFERENCE = new RegExp(
  `\\b(?:[Rr]eads?|[Ss]upport|[Jj]oin|[Ss]ubscribe to|[Dd]onate to|[Ww]elcome to|[Mm]ember of)\\s+the\\s+${NAME}`,
  'u',
);
const YEARS = '(?:\\d{4}(?:[-–]\\d{4})?\\s+)?';
const COPYRIGHT = new RegExp(`(?:©|\\([cC]\\)|[Cc]opyright)\\s*${YEARS}(?:The\\s+)?${NAME}`, 'u');

/** The outlet a page names in its own chrome (without a leading "The"), or null. */
export function findSelfNamedOutlet(lines: readonly string[]): string | null {
  for (const line of lines) {
    const copyright = COPYRIGHT.exec(line);
    if (copyright) return trimName(copyright[1]!);
    if (!isCallToAction(line) && !/\breaders\b/iu.test(line)) continue;
    const self = SELF_REFERENCE.exec(line);
    if (self) return trimName(self[1]!);
  }
  return null;
}

/** An outlet's name: one to five capitalised words, "of" or its like between them ("Reuters", "The Example Gazette", "Corriere di Example"). */
const OUTLET_NAME = /^(?:The\s+)?\p{Lu}[\p{L}\p{N}'’&.-]*(?:\s+(?:(?:of|de|di|du|del|della|des|do|da|der)\s+)?\p{Lu}[\p{L}\p{N}'’&.-]*){0,4}$/u;

export const isOutletName = (text: string): boolean => OUTLET_NAME.test(text);

/** An outlet's name as the project writes it: without a leading "The", as the page's own chrome often drops it. */
export const outletNamed = (name: string): string => name.replace(/^The\s+/u, '');

/**
 * The site a page title names after the headline ("Ferry strike ends - The Example Gazette", "… | Example
 * News"), or null when the title is not the headline with a name after it.
 */
export function outletInPageTitle(pageTitle: string, headline: string): string | null {
  const parts = pageTitle.split(/\s+[|–—-]\s+/u).map((p) => p.trim());
  if (parts.length < 2 || parts.slice(0, -1).join(' ') !== headline.replace(/\s+[|–—-]\s+/gu, ' ')) return null;
  const site = parts.at(-1)!;
  return isOutletName(site) ? outletNamed(site) : null;
}

function trimName(name: string): string {
  return name.replace(/[.,’']+$/u, '').trim();
}

/**
 * Wire copy names its outlet in the dateline: "CITY, Month Day (Outlet) - …", "CITY, Region (Outlet) — …".
 * The place is in capitals, the name in brackets right before the dash.
 */
const WIRE_DATELINE = /^\p{Lu}[\p{Lu}\p{M}.'’\/ -]*\p{Lu}(?:,\s[^()\n]{1,40}?)?\s\((\p{Lu}[\p{L}\p{N}&.'’ -]{0,40})\)\s?[-–—]\s/u;
/** How many of the first paragraphs may carry the dateline (a photo caption can come first). */
const DATELINE_PARAGRAPHS = 3;

/** The outlet a wire dateline names in one of the first paragraphs, or null. */
export function findWireOutlet(paragraphs: readonly string[]): string | null {
  for (const p of paragraphs.slice(0, DATELINE_PARAGRAPHS)) {
    const m = WIRE_DATELINE.exec(p);
    if (m) return m[1]!.trim();
  }
  return null;
}
