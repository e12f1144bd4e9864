import type { CoverageService } from '../coverage.js';
import type { QuoteMatch, SourceSummary } from '../domain.js';
import { citationLine } from './citation-line.js';

/** Longest message looked up ("Find sources"): Discord's own limit for Nitro users. */
export const MAX_MESSAGE_LENGTH = 4000;
/** Spans looked up per message; the rest are counted, not looked up. */
export const MAX_SPANS = 10;
/** Spans shorter than this many words are too short to attribute. */
export const MIN_SPAN_WORDS = 4;

export interface SpanResult {
  /** The sentence or quoted words as they appear in the message. */
  text: string;
  quoted: boolean;
  /** Best first; empty when no indexed article has the span, exactly or closely. */
  matches: QuoteMatch[];
}

export interface LinkedArticle {
  source: SourceSummary;
  /** A ready-to-paste line: Author, "Title", Outlet, D Month YYYY, URL */
  citation: string;
}

export interface FindSourcesResult {
  /** Indexed articles whose URL the message contains, in message order: cite these first. */
  linked: LinkedArticle[];
  spans: SpanResult[];
  /** Spans found beyond MAX_SPANS, not looked up. */
  skipped: number;
}

const URL_RE = /https?:\/\/[^\s<>"“”«»]+/gi;
const QUOTE_RE = /“([^”]+)”|"([^"]+)"|«([^»]+)»/g;
const SENTENCE_BREAK = /(?<=[.!?…]["'’”)\]]*)\s+|\n+/;

/** A URL compared without its scheme, a leading www., trailing slashes, and the host's case. */
export function normalizeUrl(url: string): string {
  const bare = url.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/^www\./i, '').replace(/\/+$/, '');
  const slash = bare.indexOf('/');
  return slash < 0 ? bare.toLowerCase() : bare.slice(0, slash).toLowerCase() + bare.slice(slash);
}

/** URLs in a message, without trailing punctuation (and `<…>` embeds suppression). */
export function urlsIn(text: string): string[] {
  return [...text.matchAll(URL_RE)].map((m) => m[0].replace(/[.,;:!?)\]'’>]+$/, ''));
}

const words = (s: string) => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/**
 * The spans of a message worth looking up, in message order: every quoted span (“…”, "…", «…»)
 * and every sentence (URLs removed). A sentence is looked up whole, its quotation included, unless
 * the quotation is nearly all of it ("He said “…” today."): the words around a quotation are a
 * paraphrase of the same source, and on their own too few to find it. Spans under MIN_SPAN_WORDS
 * words are left out, and repeats are kept once.
 */
export function splitSpans(text: string): { text: string; quoted: boolean }[] {
  const out: { text: string; quoted: boolean; at: number }[] = [];
  const plain = text.replace(URL_RE, ' ');
  for (const m of plain.matchAll(QUOTE_RE)) out.push({ text: (m[1] ?? m[2] ?? m[3] ?? '').trim(), quoted: true, at: m.index });
  let offset = 0;
  for (const part of plain.split(SENTENCE_BREAK)) {
    const at = plain.indexOf(part.trim(), offset);
    if (at >= 0) offset = at;
    if (words(part.replace(QUOTE_RE, ' ')) < MIN_SPAN_WORDS) continue;
    out.push({ text: part.replace(/\s+/g, ' ').trim(), quoted: false, at: at >= 0 ? at : offset });
  }
  const seen = new Set<string>();
  return out
    .map((s) => ({ ...s, text: s.text.replace(/^[\s\-–—•*>:;,]+|[\s\-–—:;,]+$/g, '') }))
    .filter((s) => words(s.text) >= MIN_SPAN_WORDS)
    .sort((a, b) => a.at - b.at)
    .filter((s) => {
      const key = s.text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map(({ text, quoted }) => ({ text, quoted }));
}

/**
 * Where a message's words come from: the indexed articles it links to, then each sentence and
 * quoted span (at most MAX_SPANS) looked up with `coverage.cite`, exactly or closely.
 */
export async function findSources(
  coverage: Pick<CoverageService, 'cite' | 'sources'>,
  text: string,
  options: { maxSpans?: number; matchesPerSpan?: number } = {},
): Promise<FindSourcesResult> {
  const maxSpans = options.maxSpans ?? MAX_SPANS;
  const linked: LinkedArticle[] = [];
  const urls = urlsIn(text).map(normalizeUrl);
  if (urls.length) {
    const byUrl = new Map<string, SourceSummary>();
    for (const s of await coverage.sources()) if (s.url) byUrl.set(normalizeUrl(s.url), s);
    for (const url of urls) {
      const source = byUrl.get(url);
      if (source && !linked.some((l) => l.source.id === source.id)) linked.push({ source, citation: citationLine(source) });
    }
  }
  const all = splitSpans(text);
  const spans: SpanResult[] = [];
  for (const span of all.slice(0, maxSpans)) {
    // Without its closing punctuation, the start of a longer sentence is still found verbatim.
    const lookup = await coverage.cite(span.text.replace(/[\s.,;:!?…]+$/, '') || span.text, { limit: options.matchesPerSpan ?? 3 });
    spans.push({ ...span, matches: lookup.matches });
  }
  return { linked, spans, skipped: Math.max(0, all.length - maxSpans) };
}
