import type { EvalRow, Summary } from './metrics.js';

export interface SystemResult {
  system: string;
  summary: Summary;
  /** Per question style and abstain kind; empty for sets without styles. */
  byStyle: Record<string, Summary>;
  rows: EvalRow[];
}

export interface SetResult {
  set: string;
  qa: string;
  corpus: string;
  articles: number;
  systems: SystemResult[];
}

export const LEGEND =
  'hit@k/MRR judge the quote; P· judges the whole cited passage. abst P/R: abstention precision/recall ' +
  '(n/a: never abstains). false ref: answerable questions refused. ms: latency per question.';

const num = (x: number | null | undefined) => (x === null || x === undefined ? '-' : x.toFixed(2));
const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

/** Left-aligned first columns, right-aligned figures, so columns of numbers read down. */
export function formatTable(headers: string[], rows: string[][], leftColumns = 1): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < leftColumns ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(headers), ...rows.map(line)].join('\n');
}

function figures(s: Summary, withNearMiss: boolean): string[] {
  const a = s.abstention;
  const cells = [
    num(s.quote?.hitAt1), num(s.quote?.hitAt3), num(s.quote?.mrr),
    num(s.passage?.hitAt1), num(s.passage?.hitAt3), num(s.passage?.mrr),
    a ? num(a.precision) : 'n/a', a ? num(a.recall) : 'n/a',
  ];
  if (withNearMiss) cells.push(a ? num(a.nearMissRecall) : 'n/a');
  cells.push(s.questions ? `${s.falseRefusals.count} (${num(s.falseRefusals.share)})` : '-', ms(s.latencyMs.median), ms(s.latencyMs.p95));
  return cells;
}

const FIGURE_HEADERS = ['hit@1', 'hit@3', 'MRR', 'P·hit@1', 'P·hit@3', 'P·MRR', 'abst P', 'abst R'];
const TAIL_HEADERS = ['false ref', 'ms p50', 'ms p95'];

export function formatSet(result: SetResult): string {
  const first = result.systems[0]?.summary;
  const title = `${result.set}: ${first?.questions ?? 0} questions + ${first?.abstainQuestions ?? 0} to abstain, over ${result.corpus} (${result.articles} articles) · ${result.qa}`;
  const withNearMiss = result.systems.some((s) => s.rows.some((r) => r.kind === 'near-miss'));
  const headers = ['system', ...FIGURE_HEADERS, ...(withNearMiss ? ['near-miss R'] : []), ...TAIL_HEADERS];
  const parts = [title, formatTable(headers, result.systems.map((s) => [s.system, ...figures(s.summary, withNearMiss)]))];
  const styled = result.systems.filter((s) => Object.keys(s.byStyle).length);
  if (styled.length) {
    const rows = styled.flatMap((s) =>
      Object.entries(s.byStyle).map(([style, g]) => [s.system, style, String(g.questions + g.abstainQuestions), ...figures(g, false)]),
    );
    parts.push(`${result.set} by style`, formatTable(['system', 'style', 'n', ...FIGURE_HEADERS, ...TAIL_HEADERS], rows, 2));
  }
  return parts.join('\n\n');
}
