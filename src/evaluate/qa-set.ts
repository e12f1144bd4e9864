import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** How a question is asked: in the article's words or the asker's own, as a factoid or keywords; or in Ukrainian or Russian. */
export const STYLES = ['article-words', 'own-words', 'factoid', 'keywords', 'ukrainian', 'russian'] as const;
export const ABSTAIN_KINDS = ['near-miss', 'off-topic'] as const;

/** The format of ../shared/eval/*.json; the BBC set adds `style`, `category` and `kind`. */
export const QaSetSchema = z.object({
  about: z.string().optional(),
  questions: z.array(
    z.object({
      id: z.string().min(1),
      q: z.string().min(1),
      gold: z.array(z.string().min(1)).min(1),
      must_contain: z.array(z.string().min(1)).min(1),
      style: z.enum(STYLES).optional(),
      category: z.string().optional(),
    }),
  ),
  abstain: z.array(z.object({ id: z.string().min(1), q: z.string().min(1), kind: z.enum(ABSTAIN_KINDS).optional() })).default([]),
});
export type QaSet = z.infer<typeof QaSetSchema>;

/** One question as the harness asks it; abstain items simply have no gold. */
export interface EvalItem {
  id: string;
  q: string;
  gold: string[];
  mustContain: string[];
  expectAbstain: boolean;
  style?: string;
  kind?: string;
}

/** Reads and checks a QA file, naming every problem at once so a hand-written set is quick to fix. */
export function loadQaSet(file: string): QaSet {
  const parsed = QaSetSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`${file} is not a QA set: ${problems}`);
  }
  const ids = [...parsed.data.questions, ...parsed.data.abstain].map((i) => i.id);
  const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (repeated.length) throw new Error(`${file}: repeated ids ${[...new Set(repeated)].join(', ')}`);
  return parsed.data;
}

export function itemsOf(set: QaSet): EvalItem[] {
  return [
    ...set.questions.map((q) => ({ id: q.id, q: q.q, gold: q.gold, mustContain: q.must_contain, expectAbstain: false, style: q.style })),
    ...set.abstain.map((a) => ({ id: a.id, q: a.q, gold: [], mustContain: [], expectAbstain: true, kind: a.kind })),
  ];
}
