/**
 * Whatever page a text came from, no line of its cleaned text may look like page chrome. Runs over the
 * real coverage and over synthetic pages of fictional outlets with different chrome wording.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticle } from '../../src/read/read-article.js';

const COVERAGE = path.resolve(import.meta.dirname, '../../../shared/coverage');
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/articles');

const CHROME = [
  /^\d{1,2}:\d{2}(?:\s?[AP]M)?$/iu,
  /advertisement/iu,
  /indicates required/iu,
  /subscribe/iu,
  /\bAll News\b/u,
  /RECENT NEWS|MORE NEWS|Most read|Editors' Picks/u,
  /become a member|gift (?:a )?membership|new members/iu,
  /patron/iu,
  /Support U[sP]/u,
  /visa masterCard/iu,
  /cookie/iu,
  /sign up|sign in/iu,
  /share this|share it/iu,
  /rights reserved|privacy policy/iu,
  /listen to this article/iu,
  /^(?:Home|Menu|Search|Newsletter)$/u,
];

const files = [
  ...readdirSync(COVERAGE).map((f) => path.join(COVERAGE, f)),
  ...readdirSync(FIXTURES)
    .filter((f) => !f.endsWith('.json'))
    .map((f) => path.join(FIXTURES, f)),
];

describe('cleaned text carries no page chrome', () => {
  it.each(files)('%s', async (file) => {
    const article = await readArticle(file, path.basename(file));
    expect(article.text.length).toBeGreaterThan(200);
    for (const line of article.text.split('\n\n')) {
      expect(line).toBe(line.trim());
      expect(line).not.toMatch(/\s{2,}|\n/u);
      for (const pattern of CHROME) expect(line, `${path.basename(file)}: ${line}`).not.toMatch(pattern);
    }
  });
});
