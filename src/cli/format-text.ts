import type { Answer, Citation, QuoteLookup } from '../domain.js';
import { longDate } from '../answer/citation-line.js';

function sourceLine(c: Pick<Citation, 'outlet' | 'title' | 'author' | 'published' | 'url' | 'file'>): string {
  return [c.outlet, c.title ? `"${c.title}"` : null, c.author, c.published ? longDate(c.published) : null, c.url ?? c.file]
    .filter(Boolean)
    .join(' · ');
}

/**
 * The terminal rendering of an answer: the quoted answer, then numbered sources. A follow-up resolved in a
 * session (`understoodAs`) first says what was searched.
 */
export function formatAnswer(answer: Answer, view: { understoodAs?: string | undefined } = {}): string {
  const lines: string[] = view.understoodAs ? [`Understood as: ${view.understoodAs}`, ''] : [];
  if (answer.abstained) {
    lines.push(answer.answer, '');
    if (answer.closest.length) lines.push('Closest passages (not an answer):');
    for (const c of answer.closest) lines.push(`  - ${sourceLine(c)}`, `    “${c.quote.replace(/\s+/g, ' ')}”`);
  } else {
    lines.push(answer.answer, '');
    for (const c of answer.citations) {
      lines.push(`[${c.n}] ${sourceLine(c)}`, `    “${c.quote.replace(/\s+/g, ' ')}”`);
      if (c.alsoIn.length) lines.push(`    also in: ${c.alsoIn.join(', ')}`);
    }
  }
  lines.push('', `(${answer.searched} articles searched in ${answer.timingMs.total} ms)`);
  return `${lines.join('\n')}\n`;
}

export function formatQuoteLookup(result: QuoteLookup): string {
  if (result.matches.length === 0) return `No source in the coverage contains this quote or a close wording of it.\n`;
  const lines = result.matches.flatMap((m, i) => [
    `${i + 1}. ${m.exact ? 'Exact' : 'Close wording'} (${m.score}) — ${m.citation}`,
    `   ${m.file}`,
    `   “${m.passage.replace(/\s+/g, ' ').slice(0, 400)}${m.passage.length > 400 ? '…' : ''}”`,
  ]);
  return `${lines.join('\n')}\n`;
}
