import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ModelUnavailableError } from '../errors.js';

/**
 * Where a configured model lives and which ONNX file to load, decided before transformers.js runs, so that a
 * missing file becomes a ModelUnavailableError naming the folder and the file (transformers.js would only say
 * "file was not found locally" for the quantized file, even when the other one is there).
 */
export interface ModelLocation {
  /** What transformers.js gets as `env.localModelPath` and as the model id. */
  localModelPath: string;
  id: string;
  /** The folder searched locally. */
  folder: string;
  /** Whether the folder holds config, tokenizer and one ONNX file. */
  complete: boolean;
  /** Which ONNX file to ask for; for remote loads, the caller's preference. */
  quantized: boolean;
  /** Contents of `embedding.json`, if the folder has one. */
  card: Record<string, unknown> | null;
  /** Why the folder is not complete (empty when it is). */
  missing: string[];
}

const ONNX_FLOAT = 'onnx/model.onnx';
const ONNX_QUANTIZED = 'onnx/model_quantized.onnx';

export function isFolderReference(model: string): boolean {
  return path.isAbsolute(model) || model.startsWith('./') || model.startsWith('../') || model === '.';
}

export function locateModel(opts: { model: string; modelsDir: string; quantized?: boolean }): ModelLocation {
  const folder = isFolderReference(opts.model) ? path.resolve(opts.model) : path.join(opts.modelsDir, opts.model);
  const asFolder = isFolderReference(opts.model);
  const localModelPath = asFolder ? path.dirname(folder) : opts.modelsDir;
  const id = asFolder ? path.basename(folder) : opts.model;
  const has = (f: string) => existsSync(path.join(folder, f));
  const missing: string[] = [];
  if (!existsSync(folder)) missing.push('the folder itself');
  else {
    if (!has('config.json')) missing.push('config.json');
    if (!has('tokenizer.json')) missing.push('tokenizer.json');
    if (!has(ONNX_FLOAT) && !has(ONNX_QUANTIZED)) {
      const present = readdirSync(folder).sort().join(', ') || 'nothing';
      const only = has('config.json') && has('tokenizer.json') ? ' (tokenizer and config only?)' : '';
      missing.push(`${ONNX_QUANTIZED} or ${ONNX_FLOAT}${only}; the folder holds: ${present}`);
    }
  }
  const preferQuantized = opts.quantized ?? true;
  const quantized = preferQuantized ? has(ONNX_QUANTIZED) || !has(ONNX_FLOAT) : !has(ONNX_FLOAT) && has(ONNX_QUANTIZED);
  let card: Record<string, unknown> | null = null;
  if (has('embedding.json')) {
    try {
      card = JSON.parse(readFileSync(path.join(folder, 'embedding.json'), 'utf8')) as Record<string, unknown>;
    } catch (err) {
      throw new ModelUnavailableError(`${path.join(folder, 'embedding.json')} is not valid JSON`, { cause: err });
    }
  }
  return { localModelPath, id, folder, complete: missing.length === 0, quantized, card, missing };
}
