import { ProtoWriter } from './protobuf.js';

/**
 * Writes the ONNX graph of a static embedding model: token ids → rows of a table, as `last_hidden_state`.
 * transformers.js's feature-extraction pipeline then does masked mean pooling and normalisation itself.
 *
 * Field numbers are those of onnx.proto (ModelProto, GraphProto, NodeProto, TensorProto, ValueInfoProto).
 */

/** A row-major [vocabSize, dimensions] float table. */
export interface EmbeddingTable {
  vocabSize: number;
  dimensions: number;
  data: Float32Array;
}

const FLOAT = 1;
const INT8 = 3;
const INT64 = 7;
const IR_VERSION = 8;
const OPSET = 13;

function tensor(name: string, dataType: number, dims: number[], raw: Uint8Array): ProtoWriter {
  const t = new ProtoWriter();
  for (const d of dims) t.int(1, d);
  return t.int(2, dataType).string(8, name).bytes(9, raw);
}

function bytesOf(a: Float32Array | Int8Array | BigInt64Array): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

function node(op: string, inputs: string[], outputs: string[], attrs: ProtoWriter[] = []): ProtoWriter {
  const n = new ProtoWriter();
  for (const i of inputs) n.string(1, i);
  for (const o of outputs) n.string(2, o);
  n.string(3, `${op}_${outputs[0]}`).string(4, op);
  for (const a of attrs) n.message(5, a);
  return n;
}

function intAttr(name: string, value: number): ProtoWriter {
  return new ProtoWriter().string(1, name).int(3, value).int(20, 2);
}

/** A tensor ValueInfo whose dims are symbolic names (string) or sizes (number). */
function valueInfo(name: string, elemType: number, dims: (string | number)[]): ProtoWriter {
  const shape = new ProtoWriter();
  for (const d of dims) shape.message(1, typeof d === 'string' ? new ProtoWriter().string(2, d) : new ProtoWriter().int(1, d));
  const tensorType = new ProtoWriter().int(1, elemType).message(2, shape);
  return new ProtoWriter().string(1, name).message(2, new ProtoWriter().message(1, tensorType));
}

/** Symmetric int8 quantisation with one scale per row (rows differ in norm once frequency weights are baked in). */
export function quantizeRows(table: EmbeddingTable): { values: Int8Array; scales: Float32Array } {
  const { vocabSize, dimensions, data } = table;
  const values = new Int8Array(vocabSize * dimensions);
  const scales = new Float32Array(vocabSize);
  for (let r = 0; r < vocabSize; r++) {
    let max = 0;
    for (let c = 0; c < dimensions; c++) max = Math.max(max, Math.abs(data[r * dimensions + c]!));
    const scale = max > 0 ? max / 127 : 1;
    scales[r] = scale;
    for (let c = 0; c < dimensions; c++) values[r * dimensions + c] = Math.round(data[r * dimensions + c]! / scale);
  }
  return { values, scales };
}

/**
 * The encoded ModelProto. Inputs `input_ids`, `attention_mask` (int64 [batch, sequence]); output
 * `last_hidden_state` (float [batch, sequence, dimensions]) with padded positions zeroed.
 * `quantized` stores int8 rows plus a float scale per row (about a quarter of the size).
 */
export function staticEmbeddingOnnx(table: EmbeddingTable, opts: { quantized: boolean; docString?: string }): Uint8Array {
  const { vocabSize, dimensions, data } = table;
  if (data.length !== vocabSize * dimensions) throw new Error(`table has ${data.length} values, expected ${vocabSize}×${dimensions}`);
  const graph = new ProtoWriter();
  const nodes: ProtoWriter[] = [];
  const inits: ProtoWriter[] = [tensor('last_axis', INT64, [1], bytesOf(BigInt64Array.from([2n])))];
  nodes.push(node('Cast', ['attention_mask'], ['mask_f'], [intAttr('to', FLOAT)]));
  if (opts.quantized) {
    const q = quantizeRows(table);
    inits.push(tensor('table_q', INT8, [vocabSize, dimensions], bytesOf(q.values)));
    inits.push(tensor('row_scale', FLOAT, [vocabSize], bytesOf(q.scales)));
    nodes.push(node('Gather', ['table_q', 'input_ids'], ['rows_q'], [intAttr('axis', 0)]));
    nodes.push(node('Cast', ['rows_q'], ['rows'], [intAttr('to', FLOAT)]));
    nodes.push(node('Gather', ['row_scale', 'input_ids'], ['scale'], [intAttr('axis', 0)]));
    nodes.push(node('Mul', ['scale', 'mask_f'], ['weight']));
  } else {
    inits.push(tensor('table', FLOAT, [vocabSize, dimensions], bytesOf(data)));
    nodes.push(node('Gather', ['table', 'input_ids'], ['rows'], [intAttr('axis', 0)]));
    nodes.push(node('Identity', ['mask_f'], ['weight']));
  }
  nodes.push(node('Unsqueeze', ['weight', 'last_axis'], ['weight3']));
  nodes.push(node('Mul', ['rows', 'weight3'], ['last_hidden_state']));
  for (const n of nodes) graph.message(1, n);
  graph.string(2, 'static_embedding');
  for (const i of inits) graph.message(5, i);
  graph.message(11, valueInfo('input_ids', INT64, ['batch_size', 'sequence_length']));
  graph.message(11, valueInfo('attention_mask', INT64, ['batch_size', 'sequence_length']));
  graph.message(12, valueInfo('last_hidden_state', FLOAT, ['batch_size', 'sequence_length', dimensions]));
  const model = new ProtoWriter()
    .int(1, IR_VERSION)
    .string(2, 'coverage-bot build-model')
    .string(3, '1')
    .message(8, new ProtoWriter().string(1, '').int(2, OPSET));
  if (opts.docString) model.string(6, opts.docString);
  return model.message(7, graph).finish();
}
