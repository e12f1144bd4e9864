/**
 * Cuts the article body out of scraped page text: from the headline (or first paragraph) to the
 * first sign of a story feed or an author box, minus the byline block and the chrome inside, minus
 * related-story teasers at the end.
 */
import { parseAuthorLine, parseByline } from './byline.js';
import { isCallToAction, isChromeLine } from './chrome.js';
import type { PageHead } from './head.js';
import { countMatches, WEAK_CTA } from './lexicon.js';
import { hasMoreWordsThan, isCaption, isHeadlineLike, isLabelOnly, isProse, isTimestampOnly, stripBullet } from './lines.js';

/** Consecutive headline-like lines that make a story list rather than a subheading. */
const LINK_RUN = 3;
/** Short lines this often on one page are repeated chrome (buttons, list items). */
const SHORT_LINE_WORDS = 12;

/**
 * The heading of a readers' comments section ("Comments (3)", "34 comments", "Join the conversation",
 * "Kommentare", "Коментарі"): what follows is readers' prose, not the article's.
 */
const COMMENTS_HEADING = new RegExp(
  '^(?:\\d+\\s+)?(?:(?:show|view|read|see|all)\\s+(?:\\d+\\s+)?)?(?:comments?|reader comments|kommentare?|commentaires?|comentarios?|commenti|comentários|коментарі|комментарии)(?:\\s*\\(\\d+\\))?:?$' +
    '|^(?:join the (?:conversation|discussion|debate)|leave a (?:comment|reply)|have your say|add your comment)\\b',
  'iu',
);

/** First line after the first paragraph where a feed of other stories or readers' comments begins, else lines.length. */
export function findBodyEnd(lines: readonly string[], firstProse: number): number {
  for (let i = firstProse + 1; i < lines.length; i++) {
    if (isTimestampOnly(lines[i]!) || COMMENTS_HEADING.test(lines[i]!)) return i;
    let run = 0;
    for (let j = i; j < lines.length && run < LINK_RUN; j++) {
      if (isChromeLine(lines[j]!)) continue;
      if (!isHeadlineLike(lines[j]!)) break;
      run++;
    }
    if (run >= LINK_RUN && isHeadlineLike(lines[i]!)) return i;
  }
  return lines.length;
}

/**
 * Chrome flags per line, plus lines sandwiched between chrome where at least one side is a long call
 * to action: membership boxes mix slogans ("Three years. Millions of readers.") with their pitches.
 */
export function chromeFlags(lines: readonly string[]): boolean[] {
  const base = lines.map(isChromeLine);
  const longCta = lines.map((l) => hasMoreWordsThan(l, 7) && isCallToAction(l));
  return lines.map((line, i) => {
    if (base[i]) return true;
    const prev = base[i - 1] ?? false;
    const next = base[i + 1] ?? false;
    const sandwiched = prev && next && (longCta[i - 1] || longCta[i + 1]);
    return Boolean(sandwiched) && (!isProse(line) || countMatches(line, WEAK_CTA) > 0);
  });
}

function countOf(lines: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const l of lines) counts.set(l, (counts.get(l) ?? 0) + 1);
  return counts;
}

/** A headline-like line between two paragraphs: the article uses subheadings. */
function hasSubheading(kept: readonly string[]): boolean {
  return kept.some((l, i) => i > 0 && isSubheading(l) && isProse(kept[i - 1]!) && isProse(kept[i + 1] ?? ''));
}

function isSubheading(line: string): boolean {
  return isHeadlineLike(line) && !isCaption(line);
}

/**
 * Drops trailing labels/headlines, then related-story teasers (a headline plus one paragraph) at the
 * end. Why the subheading guard: in an article that uses subheadings, a last short section looks the same.
 */
export function trimTail(kept: string[]): string[] {
  const out = [...kept];
  const dangling = (line: string) => isLabelOnly(line) || (isSubheading(line) && !isProse(line));
  const pop = () => {
    while (out.length > 0 && dangling(out.at(-1)!)) out.pop();
  };
  pop();
  if (hasSubheading(out.slice(0, -2))) return out;
  while (out.length >= 4 && isProse(out.at(-1)!) && isSubheading(out.at(-2)!) && isProse(out.at(-3)!)) {
    out.splice(-2, 2);
    pop();
  }
  return out;
}

/** "Jane Doe is a reporter based in …": a bio opens with its author's full name and "is". */
function opensBio(line: string, authors: readonly string[]): boolean {
  return authors.some((a) => line.toLowerCase().startsWith(`${a.toLowerCase()} is `));
}

/**
 * Where an author box starts: a line holding only the byline's own author names, or a bio opening
 * with one of them, after the first paragraph. Why it ends the body: what follows is the author's
 * bio and contact links, not the story, and a story does not speak of its own author this way.
 */
export function findAuthorBox(lines: readonly string[], from: number, authors: readonly string[]): number {
  if (authors.length === 0) return lines.length;
  const known = new Set(authors.map((a) => a.toLowerCase()));
  for (let i = from + 1; i < lines.length; i++) {
    const names = parseAuthorLine(lines[i]!);
    if (names?.every((n) => known.has(n.toLowerCase())) || opensBio(lines[i]!, authors)) return i;
  }
  return lines.length;
}

function inRange(i: number, range: PageHead['block']): boolean {
  return range !== null && i >= range.start && i < range.end;
}

export function extractBody(lines: readonly string[], head: PageHead): string[] {
  if (head.firstProse === -1) return [];
  const start = head.titleIndex !== null && head.titleIndex < head.firstProse ? head.titleIndex + 1 : head.firstProse;
  const boxAt = findAuthorBox(lines, head.bodyFrom, head.byline?.authors ?? []);
  const end = Math.min(findBodyEnd(lines, head.bodyFrom), boxAt);
  const chrome = chromeFlags(lines);
  const counts = countOf(lines);
  const kept: string[] = [];
  for (let i = start; i < end; i++) {
    const line = lines[i]!;
    if (chrome[i] || inRange(i, head.block) || i === head.bylineIndex || line === head.title) continue;
    if (!isProse(line) && parseByline(line)) continue;
    if (!hasMoreWordsThan(line, SHORT_LINE_WORDS) && (counts.get(line) ?? 0) > 1) continue;
    if (kept.includes(line)) continue;
    kept.push(line);
  }
  return trimTail(kept).map(stripBullet);
}
