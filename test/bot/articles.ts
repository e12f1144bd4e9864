/** Markdown articles with front matter, for tests that need more (or stranger) coverage than the seed. */
export function article(n: number, extra: { outlet?: string; body?: string; title?: string } = {}): string {
  const day = String((n % 28) + 1).padStart(2, '0');
  return [
    '---',
    `title: ${extra.title ?? `Grain corridor report number ${n}`}`,
    `outlet: ${extra.outlet ?? 'Harbour Gazette'}`,
    `author: Reporter ${n}`,
    `published: 2023-05-${day}`,
    `url: https://example.org/grain/${n}`,
    '---',
    '',
    extra.body ??
      `Ships carried grain out of Odesa for the ${n}th week in a row, port officials said on Monday. ` +
        `The corridor handled cargo from ${n * 3} vessels, according to the harbour master. ` +
        'Insurers kept their premiums unchanged despite the attacks on port infrastructure. ' +
        'Traders said the route remained the cheapest way to move wheat to Africa and Asia.',
    '',
  ].join('\n');
}
