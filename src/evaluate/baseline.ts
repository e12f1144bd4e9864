import MiniSearch from 'minisearch';
import type { Answer, Citation } from '../domain.js';
import { K, type System } from './systems.js';

/** An article as stored, before any of the project's reading or cleaning. */
export interface RawArticle {
  /** File name as the index would cite it, so gold ids match the same way. */
  file: string;
  text: string;
}

export const CHUNK_CHARS = 1000;

/** Fixed 1,000-character windows, no overlap, cut mid-word: the naive chunking many bots start from. */
export function chunkText(text: string): { start: number; text: string }[] {
  const chunks: { start: number; text: string }[] = [];
  for (let start = 0; start < text.length; start += CHUNK_CHARS) chunks.push({ start, text: text.slice(start, start + CHUNK_CHARS) });
  return chunks;
}

/**
 * The baseline: MiniSearch with its default options over naive chunks of the raw text, top K chunks per
 * question. It never abstains; each chunk is both the quote and the passage.
 */
export function minisearchBaseline(articles: RawArticle[]): System {
  const chunks = articles.flatMap((a) => chunkText(a.text).map((c) => ({ ...c, file: a.file })));
  const index = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
  index.addAll(chunks.map((c, id) => ({ id, text: c.text })));
  return {
    name: 'minisearch',
    abstains: false,
    async ask(question: string): Promise<Answer> {
      const citations = index.search(question).slice(0, K).map((hit, i): Citation => {
        const chunk = chunks[hit.id as number]!;
        return {
          n: i + 1,
          documentId: chunk.file,
          passageId: hit.id as number,
          file: chunk.file,
          title: null,
          outlet: null,
          author: null,
          published: null,
          url: null,
          quote: chunk.text,
          start: chunk.start,
          end: chunk.start + chunk.text.length,
          score: hit.score,
          alsoIn: [],
        };
      });
      return { question, abstained: false, answer: '', citations, closest: [], searched: articles.length, evidence: 1, timingMs: { total: 0 } };
    },
    passageText: async (id) => chunks[id]?.text ?? null,
  };
}
