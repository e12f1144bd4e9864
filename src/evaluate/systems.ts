import type { CoverageService } from '../coverage.js';
import type { Answer, SearchMode } from '../domain.js';
import type { EvalItem } from './qa-set.js';
import { correctRank, type EvalRow } from './metrics.js';

/** Citations per answer, for every system alike. */
export const K = 5;

/** Anything that answers a question with ranked citations: a search mode of the bot, or a baseline. */
export interface System {
  name: string;
  /** False for a baseline that always cites something: its abstention figures are then n/a. */
  abstains: boolean;
  ask(question: string): Promise<Answer>;
  /** The full text of a cited passage, for the passage-level check. */
  passageText(passageId: number): Promise<string | null>;
}

export function coverageSystem(coverage: CoverageService, mode: SearchMode): System {
  return {
    name: mode,
    abstains: true,
    ask: (question) => coverage.ask(question, { mode, k: K }),
    passageText: async (id) => (await coverage.passage(id))?.passage.text ?? null,
  };
}

/** Asks every item once; `onAnswer` sees each answer (for --verbose) without a second ask. */
export async function runSystem(
  system: System,
  items: EvalItem[],
  onAnswer?: (item: EvalItem, row: EvalRow, answer: Answer) => void,
): Promise<EvalRow[]> {
  const rows: EvalRow[] = [];
  for (const item of items) {
    const started = performance.now();
    const answer = await system.ask(item.q);
    const ms = Math.round((performance.now() - started) * 10) / 10;
    const texts = await passageTexts(system, answer);
    const row: EvalRow = {
      id: item.id,
      style: item.style,
      kind: item.kind,
      expectAbstain: item.expectAbstain,
      abstained: answer.abstained,
      rank: item.expectAbstain ? null : correctRank(answer, item.gold, item.mustContain),
      passageRank: item.expectAbstain
        ? null
        : correctRank(answer, item.gold, item.mustContain, (c) => texts.get(c.passageId) ?? c.quote),
      ms,
    };
    rows.push(row);
    onAnswer?.(item, row, answer);
  }
  return rows;
}

/** The full texts of an answer's cited passages, fetched before the synchronous check. */
async function passageTexts(system: System, answer: Answer): Promise<Map<number, string | null>> {
  const ids = [...new Set(answer.citations.map((c) => c.passageId))];
  return new Map(await Promise.all(ids.map(async (id) => [id, await system.passageText(id)] as const)));
}
