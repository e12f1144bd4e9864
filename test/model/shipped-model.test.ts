import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SHIPPED_MODEL_DIR } from '../../src/config.js';
import { buildModel } from '../../src/model/build.js';
import { fasttextAvailable } from '../../src/model/fasttext.js';
import { copyWordnetLicence, shippedModelOptions } from '../../src/model/shipped.js';

/** Relative paths of every file under `dir`, sorted. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(path.join(dir, f)).isFile())
    .sort();
}

// CI installs fasttext (.ci/run → scripts/setup-model-tools.sh), so there a missing tool is a failure, never a
// silent skip; a developer without it is told how to get it.
const haveFasttext = fasttextAvailable();
const skipLocally = !haveFasttext && !process.env.CI;
const dir = mkdtempSync(path.join(tmpdir(), 'shipped-model-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the committed WordNet model', () => {
  it('is int8 only and about 10 MB', () => {
    const names = files(SHIPPED_MODEL_DIR);
    expect(names).toContain('onnx/model_quantized.onnx');
    expect(names).not.toContain('onnx/model.onnx');
    const bytes = names.reduce((s, f) => s + statSync(path.join(SHIPPED_MODEL_DIR, f)).size, 0);
    expect(bytes).toBeLessThan(11_000_000);
  });

  it.skipIf(skipLocally)(
    `rebuilds byte for byte with \`npm run build-model -- --shipped\`${skipLocally ? ' (SKIPPED: fasttext not on PATH; run scripts/setup-model-tools.sh)' : ''}`,
    async () => {
      if (!haveFasttext) throw new Error('fasttext is not on PATH: run `bash scripts/setup-model-tools.sh` (CI must install it)');
      const out = path.join(dir, 'wordnet-embed');
      await buildModel(shippedModelOptions(out));
      await copyWordnetLicence(out);
      expect(files(out)).toEqual(files(SHIPPED_MODEL_DIR));
      for (const f of files(out)) {
        const same = readFileSync(path.join(out, f)).equals(readFileSync(path.join(SHIPPED_MODEL_DIR, f)));
        expect(same, `${f} differs from the committed one: rebuild with \`npm run build-model -- --shipped\` and commit`).toBe(true);
      }
    },
    400_000,
  );
});
