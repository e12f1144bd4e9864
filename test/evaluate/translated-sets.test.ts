import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQaSet } from '../../src/evaluate/qa-set.js';
import { readSet } from './set-checks.js';

// Renderings of eval/bbc-qa.json's questions in other languages: the same gold articles and English answer
// phrases, so a translated question is scored exactly as the English one is.
const LANGUAGES = ['ru', 'uk', 'de', 'fr', 'es', 'it', 'pt'];
const english = readSet(path.resolve(process.cwd(), 'eval/bbc-qa.json'));
const byId = new Map<string, Record<string, unknown>>([...english.questions, ...english.abstain].map((q) => [q.id, q as Record<string, unknown>]));

for (const language of LANGUAGES) {
  const file = path.resolve(process.cwd(), `eval/bbc-qa-${language}.json`);
  describe(`eval/bbc-qa-${language}.json`, () => {
    const set = readSet(file);
    const all = [...set.questions, ...(set.abstain ?? [])] as unknown as Record<string, unknown>[];

    it('is a valid QA set', () => {
      expect(() => loadQaSet(file)).not.toThrow();
    });

    it('renders English questions only, each once, keeping every field but the question', () => {
      const ids = all.map((q) => q.id as string);
      expect(new Set(ids).size).toBe(ids.length);
      for (const q of all) {
        const id = q.id as string;
        expect(id.endsWith(language), id).toBe(true);
        const original = byId.get(id.slice(0, -language.length));
        expect(original, id).toBeDefined();
        expect({ ...q, id: original!.id, q: original!.q }, id).toEqual(original);
        expect(q.q, id).not.toBe(original!.q);
      }
    });
  });
}
