import { InferenceSession, Tensor } from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { quantizeRows, staticEmbeddingOnnx } from '../../src/model/onnx-writer.js';

const table = { vocabSize: 4, dimensions: 3, data: Float32Array.from([0, 0, 0, 1, 2, 3, -4, 5, 0.5, 0.1, -0.2, 0.3]) };

async function run(bytes: Uint8Array, ids: number[][], mask: number[][]) {
  const session = await InferenceSession.create(bytes);
  expect(session.inputNames).toEqual(['input_ids', 'attention_mask']);
  expect(session.outputNames).toEqual(['last_hidden_state']);
  const b = ids.length;
  const s = ids[0]!.length;
  const out = await session.run({
    input_ids: new Tensor('int64', BigInt64Array.from(ids.flat().map(BigInt)), [b, s]),
    attention_mask: new Tensor('int64', BigInt64Array.from(mask.flat().map(BigInt)), [b, s]),
  });
  const t = out['last_hidden_state']!;
  return { dims: t.dims, data: Array.from(t.data as Float32Array) };
}

describe('staticEmbeddingOnnx', () => {
  it('maps token ids to table rows and zeroes padded positions (float)', async () => {
    const r = await run(staticEmbeddingOnnx(table, { quantized: false }), [[1, 2], [3, 0]], [[1, 1], [1, 0]]);
    expect(r.dims).toEqual([2, 2, 3]);
    expect(r.data.map((x) => Number(x.toFixed(5)))).toEqual([1, 2, 3, -4, 5, 0.5, 0.1, -0.2, 0.3, 0, 0, 0]);
  });

  it('the quantized graph reproduces rows within a per-row int8 step', async () => {
    const r = await run(staticEmbeddingOnnx(table, { quantized: true }), [[1, 2, 3]], [[1, 1, 1]]);
    const want = Array.from(table.data.slice(3));
    r.data.forEach((x, i) => expect(Math.abs(x - want[i]!)).toBeLessThan(Math.abs(want[Math.floor(i / 3) * 3]!) / 100 + 0.05));
  });

  it('quantizeRows scales each row by its own largest magnitude', () => {
    const q = quantizeRows(table);
    expect(q.scales[0]).toBe(1);
    expect(q.scales[1]).toBeCloseTo(3 / 127);
    expect(Math.max(...Array.from(q.values.slice(3, 6)).map(Math.abs))).toBe(127);
  });
});
