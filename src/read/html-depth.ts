/**
 * How deeply a page's elements nest, found by one linear scan of the tags. The DOM and Readability
 * recurse per level (thousands of levels overflow the stack) and slow down steeply with depth, so a
 * page nested deeper than any real article is refused before it reaches them.
 */

/** Real article pages nest a few dozen levels; 500 already costs Readability about half a second. */
export const MAX_HTML_DEPTH = 500;

/** Elements that never contain anything. */
const VOID = new Set(
  'area base br col embed hr img input link meta param source track wbr basefont bgsound frame keygen'.split(' '),
);

/**
 * Elements whose end tag may be left out: the parser closes them implicitly (a <p> ends the open <p>),
 * so counting them would make ordinary legacy markup look deep.
 */
const OPTIONAL_END = new Set(
  'p li dt dd option optgroup tr td th thead tbody tfoot colgroup caption rb rt rtc rp html head body'.split(' '),
);

/** Elements whose content is text up to their end tag: tags inside them are not elements. */
const RAW_TEXT = new Set('script style textarea title xmp iframe noembed noframes plaintext'.split(' '));

const TAG = /<(\/?)([a-zA-Z][^\s/>]*)/y;

export interface HtmlShape {
  /** Nesting depth, counted up to `limit + 1`. */
  depth: number;
  /** Characters other than spaces and control characters outside tags, comments, scripts and styles. */
  visibleChars: number;
}

/** Characters above U+0020 in html[start, end): the page's text before whitespace is collapsed. */
function countVisible(html: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) if (html.charCodeAt(i) > 32) n++;
  return n;
}

/** The nesting depth of `html`, counted up to `limit + 1` (the scan stops there: deeper is deeper). */
export function htmlDepth(html: string, limit = MAX_HTML_DEPTH): number {
  return htmlShape(html, limit).depth;
}

/**
 * The nesting depth and amount of text of `html`, found without building a DOM. The scan stops once the
 * depth passes `limit`. Linear in the length of the page: every search moves forward and none starts over.
 */
export function htmlShape(html: string, limit = MAX_HTML_DEPTH): HtmlShape {
  let depth = 0;
  let max = 0;
  let gt = -1;
  let i = html.indexOf('<');
  let visibleChars = countVisible(html, 0, i === -1 ? html.length : i);
  while (i !== -1 && max <= limit) {
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      if (end === -1) break;
      i = html.indexOf('<', end + 3);
      visibleChars += countVisible(html, end + 3, i === -1 ? html.length : i);
      continue;
    }
    // The next '>' is found once and reused by every '<' before it, so stray '<'s stay linear.
    if (gt < i) gt = html.indexOf('>', i);
    if (gt === -1) break;
    TAG.lastIndex = i;
    const m = TAG.exec(html);
    let next = i + 1;
    if (m && TAG.lastIndex <= gt) {
      const name = m[2]!.toLowerCase();
      const closing = m[1] === '/';
      const selfClosing = html[gt - 1] === '/';
      next = gt + 1;
      if (closing) {
        if (!VOID.has(name) && !OPTIONAL_END.has(name)) depth = Math.max(0, depth - 1);
      } else if (RAW_TEXT.has(name)) {
        const end = new RegExp(`</${name}`, 'giu');
        end.lastIndex = next;
        if (!end.exec(html)) break;
        // Past the end tag's '>': what follows it is the page's text again.
        const close = html.indexOf('>', end.lastIndex);
        next = close === -1 ? end.lastIndex : close + 1;
      } else if (!VOID.has(name) && !OPTIONAL_END.has(name) && !selfClosing) {
        depth++;
        max = Math.max(max, depth);
      }
    }
    i = html.indexOf('<', next);
    visibleChars += countVisible(html, next, i === -1 ? html.length : i);
  }
  return { depth: max, visibleChars };
}
