import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildGlossaries, canFetchDebianPackages, GLOSSARY_FILES, GLOSSARY_PACKAGES } from '../../src/lexicon/build-glossaries.js';
import { tempDir } from '../helpers/coverage-index.js';

// CI makes apt list the Debian packages (.ci/run → scripts/setup-glossary-tools.sh), so there a missing package
// is a failure, never a silent skip.
const canFetch = canFetchDebianPackages();
const skipLocally = !canFetch && !process.env.CI;
const LEXICON = path.resolve(import.meta.dirname, '../../lexicon');
const dir = tempDir('glossaries');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the committed word tables', () => {
  // Downloading and building every table takes about two minutes alone, and over three beside the rest of the suite.
  it.skipIf(skipLocally)(
    `rebuild byte for byte with \`npm run build-glossary\`${skipLocally ? ' (SKIPPED: apt does not list the dictionaries; run scripts/setup-glossary-tools.sh)' : ''}`,
    () => {
      if (!canFetch) throw new Error('apt does not list the dictionary packages: run `bash scripts/setup-glossary-tools.sh` (CI must)');
      buildGlossaries(dir);
      for (const file of GLOSSARY_FILES) {
        const same = readFileSync(path.join(dir, file)).equals(readFileSync(path.join(LEXICON, file)));
        expect(same, `${file} differs from the committed one: run \`npm run build-glossary\` and commit`).toBe(true);
      }
    },
    420_000,
  );
});

describe('the set-up script', () => {
  it('makes apt list every package the build downloads', () => {
    const script = readFileSync(path.resolve(import.meta.dirname, '../../scripts/setup-glossary-tools.sh'), 'utf8');
    const listed = /PACKAGES="([^"]*)"/.exec(script)![1]!.split(/\s+/).filter(Boolean);
    expect(new Set(listed)).toEqual(new Set(GLOSSARY_PACKAGES));
  });
});
