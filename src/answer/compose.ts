import type { Answer, Citation, SourceSummary } from '../domain.js';
import type { ParsedQuery } from '../search/query.js';
import type { Candidate } from '../search/searcher.js';
import { stemSet } from '../search/terms.js';
import { longDate } from './citation-line.js';
import { resolveDate } from './dates-in-text.js';
import { pickQuote, type ScoredQuote } from './sentence-pick.js';

export interface ComposeInput {
  query: ParsedQuery;
  candidates: Candidate[];
  /** IDF weight of each of query.words. */
  weights: number[];
  k: number;
  source: (documentId: string) => SourceSummary;
  searched: number;
  gate: EvidenceGate;
}

export interface EvidenceGate {
  /** Minimum share of the question's IDF weight that the best passage must match. */
  minCoverage: number;
  /** With vectors: a passage this similar passes the gate on meaning alone if it also matches some words. */
  minSimilarity: number;
}

export const DEFAULT_GATE: EvidenceGate = { minCoverage: 0.5, minSimilarity: 0.75 };
const MAX_PER_ARTICLE = 2;
const CANDIDATES_READ = 40;
export const ABSTENTION = 'The coverage does not answer this question.';

function rank(q: ScoredQuote, maxFused: number): number {
  const semantic = q.candidate.similarity ?? 0;
  return 0.45 * q.sentenceScore + 0.3 * q.passageCoverage + 0.1 * (q.candidate.fused / maxFused) + 0.15 * semantic;
}

function passesGate(q: ScoredQuote, gate: EvidenceGate): boolean {
  if (q.passageCoverage >= gate.minCoverage) return true;
  return (q.candidate.similarity ?? 0) >= gate.minSimilarity && q.passageCoverage >= gate.minCoverage / 2;
}

/** Same text told twice: most of the shorter quote's words are in the longer one. */
function nearDuplicate(a: string, b: string): boolean {
  const sa = stemSet(a);
  const sb = stemSet(b);
  const [small, large] = sa.size <= sb.size ? [sa, sb] : [sb, sa];
  if (small.size === 0) return false;
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return shared / small.size >= 0.7;
}

/** What an article says about itself, as words: "October 2024" lets "October remarks" match an article of that month. */
function describe(s: SourceSummary): string {
  return [s.title, s.outlet, s.author, s.published ? longDate(s.published) : null].filter(Boolean).join(' ');
}

function toCitation(q: ScoredQuote, n: number, score: number, source: SourceSummary, alsoIn: string[]): Citation {
  return {
    n,
    documentId: source.id,
    passageId: q.candidate.passageId,
    file: source.file,
    title: source.title,
    outlet: source.outlet,
    author: source.author,
    published: source.published,
    url: source.url,
    quote: q.quote,
    start: q.start,
    end: q.end,
    score: Math.round(score * 1000) / 1000,
    alsoIn: [...new Set([...source.aliases, ...alsoIn])],
  };
}

/**
 * Builds an extractive answer: the best sentence of each retrieved passage, copied exactly, at most two
 * per article, near-duplicates folded into one citation ("also in"). Abstains when the best evidence is weak.
 */
export function composeAnswer(input: ComposeInput): Omit<Answer, 'timingMs'> {
  const { query, candidates, weights, source } = input;
  const pool = candidates.slice(0, CANDIDATES_READ);
  const maxFused = Math.max(...pool.map((c) => c.fused), 1e-9);
  const quotes = pool
    .map((c) => pickQuote(c, describe(source(c.documentId)), query, weights))
    .map((q) => ({ q, score: rank(q, maxFused) }))
    .sort((a, b) => b.score - a.score);

  const chosen: { q: ScoredQuote; score: number; alsoIn: string[] }[] = [];
  const perArticle = new Map<string, number>();
  for (const item of quotes) {
    const documentId = item.q.candidate.documentId;
    const twin = chosen.find((c) => c.q.candidate.groupId === item.q.candidate.groupId || nearDuplicate(c.q.quote, item.q.quote));
    if (twin) {
      if (twin.q.candidate.documentId !== documentId) twin.alsoIn.push(source(documentId).file);
      continue;
    }
    if ((perArticle.get(documentId) ?? 0) >= MAX_PER_ARTICLE) continue;
    perArticle.set(documentId, (perArticle.get(documentId) ?? 0) + 1);
    chosen.push({ ...item, alsoIn: [] });
  }

  const top = chosen.slice(0, input.k);
  const best = quotes[0];
  const evidence = best ? Math.round(best.q.passageCoverage * 1000) / 1000 : 0;
  if (!best || !passesGate(best.q, input.gate) || query.words.length === 0) {
    const closest = top.slice(0, 3).map((c, i) => toCitation(c.q, i + 1, c.score, source(c.q.candidate.documentId), c.alsoIn));
    return { question: query.text, abstained: true, answer: ABSTENTION, citations: [], closest, searched: input.searched, evidence };
  }
  const accepted = top.filter((c) => c === top[0] || passesGate(c.q, { ...input.gate, minCoverage: input.gate.minCoverage / 2 }));
  const ordered = query.cues.has('timeline') ? inDateOrder(accepted, source) : accepted;
  const citations = ordered.map((c, i) => toCitation(c.q, i + 1, c.score, source(c.q.candidate.documentId), c.alsoIn));
  const answer = citations.map((c) => `${c.quote.replace(/\s+/g, ' ')} [${c.n}]`).join(' ');
  return { question: query.text, abstained: false, answer, citations, closest: [], searched: input.searched, evidence };
}

/** Timeline questions: the dates the sentences mention (or their article's date), oldest first. */
function inDateOrder<T extends { q: ScoredQuote }>(items: T[], source: (id: string) => SourceSummary): T[] {
  const dated = items.map((item) => {
    const published = source(item.q.candidate.documentId).published;
    return { item, date: resolveDate(item.q.quote, published) ?? published ?? '9999' };
  });
  return dated.sort((a, b) => a.date.localeCompare(b.date)).map((d) => d.item);
}
