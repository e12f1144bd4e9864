import type { Answer, Citation } from '../../src/domain.js';

/** A citation of invented text; only the fields the metrics read matter. */
export function citation(n: number, file: string, quote: string, more: Partial<Citation> = {}): Citation {
  return {
    n, documentId: file, passageId: n, file, title: null, outlet: null, author: null, published: null, url: null,
    quote, start: 0, end: quote.length, score: 1, alsoIn: [], ...more,
  };
}

export function answer(citations: Citation[], abstained = false): Answer {
  return {
    question: 'q', abstained, answer: '', citations: abstained ? [] : citations, closest: abstained ? citations : [],
    searched: 3, evidence: abstained ? 0 : 1, timingMs: { total: 1 },
  };
}
