/**
 * Fixed noise for a VITS (Piper) model, so that the same phonemes always give
 * the same samples.
 *
 * A Piper voice samples Gaussian noise twice per call (`RandomNormalLike`: the
 * stochastic duration predictor and the prior), scaled by the voice's
 * `noise_w` and `noise_scale`. ONNX Runtime seeds those nodes from the clock
 * and advances them on every run, so the audio, its length and therefore every
 * clip time differ from run to run and with the order units are spoken in.
 * Setting both scales to 0 would be deterministic but flattens the voice.
 * Instead each `RandomNormalLike` is replaced, in the model's bytes, by a slice
 * of one constant tensor of standard-normal values drawn from a seeded
 * generator: the voice keeps its trained variability, and a unit's audio
 * depends only on its phonemes and the scales.
 *
 * The model is rewritten at the protobuf wire level, copying every field it
 * does not change byte for byte (no ONNX schema is needed, nothing is lost).
 */

/** The replacement's noise: 1 × NOISE_CHANNELS × NOISE_FRAMES values, tiled when a call needs more. */
export const NOISE_CHANNELS = 192;
export const NOISE_FRAMES = 2048;
const NOISE_SEED = 0x766f7870; // "voxp"

const WIRE_VARINT = 0;
const WIRE_I64 = 1;
const WIRE_LEN = 2;
const WIRE_I32 = 5;

/** ONNX field numbers (onnx.proto3). */
const MODEL_GRAPH = 7;
const GRAPH_NODE = 1;
const GRAPH_INITIALIZER = 5;
const NODE_INPUT = 1;
const NODE_OUTPUT = 2;
const NODE_NAME = 3;
const NODE_OP_TYPE = 4;
const NODE_ATTRIBUTE = 5;
const ATTRIBUTE_NAME = 1;
const ATTRIBUTE_F = 2;
const TENSOR_DIMS = 1;
const TENSOR_DATA_TYPE = 2;
const TENSOR_NAME = 8;
const TENSOR_RAW_DATA = 9;
const FLOAT = 1;
const INT64 = 7;

/** One field of a protobuf message: its number, wire type, and where its value and the whole field lie. */
interface Field {
  readonly number: number;
  readonly wire: number;
  /** `[start, end)` of the whole field (tag included) in the message bytes. */
  readonly start: number;
  readonly end: number;
  /** `[valueStart, end)`: the payload of a length-delimited field; the varint or fixed bytes otherwise. */
  readonly valueStart: number;
  /** The varint's value (wire type 0). */
  readonly varint?: number;
}

export class OnnxError extends Error {
  override readonly name = 'OnnxError';
}

function readVarint(bytes: Uint8Array, at: number): [value: number, next: number] {
  let value = 0;
  let scale = 1;
  for (let i = at; i < bytes.length && i < at + 10; i++) {
    const b = bytes[i] ?? 0;
    value += (b & 0x7f) * scale;
    scale *= 128;
    if ((b & 0x80) === 0) return [value, i + 1];
  }
  throw new OnnxError('not an ONNX model: a varint runs past its end');
}

/** The fields of a message, in the order they are written. */
function fields(bytes: Uint8Array): Field[] {
  const out: Field[] = [];
  let at = 0;
  while (at < bytes.length) {
    const start = at;
    const [tag, afterTag] = readVarint(bytes, at);
    const number = Math.floor(tag / 8);
    const wire = tag % 8;
    let end: number;
    let varint: number | undefined;
    let valueStart = afterTag;
    if (wire === WIRE_VARINT) [varint, end] = readVarint(bytes, afterTag);
    else if (wire === WIRE_I64) end = afterTag + 8;
    else if (wire === WIRE_I32) end = afterTag + 4;
    else if (wire === WIRE_LEN) {
      const [length, afterLength] = readVarint(bytes, afterTag);
      valueStart = afterLength;
      end = afterLength + length;
    } else throw new OnnxError(`not an ONNX model: wire type ${wire}`);
    if (end > bytes.length || number === 0) throw new OnnxError('not an ONNX model: a field runs past the end of its message');
    out.push({ number, wire, start, end, valueStart, ...(varint !== undefined ? { varint } : {}) });
    at = end;
  }
  return out;
}

const text = new TextDecoder();
const utf8 = new TextEncoder();

function stringsOf(bytes: Uint8Array, all: readonly Field[], number: number): string[] {
  return all.filter((f) => f.number === number && f.wire === WIRE_LEN).map((f) => text.decode(bytes.subarray(f.valueStart, f.end)));
}

function varintBytes(value: number): number[] {
  const out: number[] = [];
  let v = value;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
  return out;
}

/** A length-delimited field holding `payload`. */
function lenField(number: number, payload: Uint8Array): Uint8Array {
  const head = [...varintBytes(number * 8 + WIRE_LEN), ...varintBytes(payload.length)];
  const out = new Uint8Array(head.length + payload.length);
  out.set(head);
  out.set(payload, head.length);
  return out;
}

const stringField = (number: number, value: string): Uint8Array => lenField(number, utf8.encode(value));
const varintField = (number: number, value: number): Uint8Array => Uint8Array.from([...varintBytes(number * 8 + WIRE_VARINT), ...varintBytes(value)]);

/** A NodeProto. */
function node(opType: string, name: string, inputs: readonly string[], outputs: readonly string[]): Uint8Array {
  return Buffer.concat([...inputs.map((i) => stringField(NODE_INPUT, i)), ...outputs.map((o) => stringField(NODE_OUTPUT, o)), stringField(NODE_NAME, name), stringField(NODE_OP_TYPE, opType)]);
}

/** A TensorProto initializer with raw little-endian data. */
function tensor(name: string, dataType: number, dims: readonly number[], raw: Uint8Array): Uint8Array {
  return Buffer.concat([...dims.map((d) => varintField(TENSOR_DIMS, d)), varintField(TENSOR_DATA_TYPE, dataType), stringField(TENSOR_NAME, name), lenField(TENSOR_RAW_DATA, raw)]);
}

function int64s(values: readonly number[]): Uint8Array {
  return new Uint8Array(BigInt64Array.from(values.map(BigInt)).buffer);
}

/** Standard-normal values from a seeded generator (mulberry32 and Box–Muller): the same on every machine. */
export function seededNoise(count: number, seed: number = NOISE_SEED): Float32Array {
  let state = seed >>> 0;
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
  const out = new Float32Array(count);
  for (let i = 0; i < count; i += 2) {
    const radius = Math.sqrt(-2 * Math.log(uniform()));
    const angle = 2 * Math.PI * uniform();
    out[i] = radius * Math.cos(angle);
    if (i + 1 < count) out[i + 1] = radius * Math.sin(angle);
  }
  return out;
}

const NOISE = 'voxpress/noise';
const NOISE_SHAPE = 'voxpress/noise_shape';
const ONES = 'voxpress/ones';
const ZEROS = 'voxpress/zeros';

/** The initializers every replacement uses, added once. */
function noiseInitializers(): Uint8Array[] {
  const noise = seededNoise(NOISE_CHANNELS * NOISE_FRAMES);
  return [
    tensor(NOISE, FLOAT, [1, NOISE_CHANNELS, NOISE_FRAMES], new Uint8Array(noise.buffer)),
    tensor(NOISE_SHAPE, INT64, [3], int64s([1, NOISE_CHANNELS, NOISE_FRAMES])),
    tensor(ONES, INT64, [3], int64s([1, 1, 1])),
    tensor(ZEROS, INT64, [3], int64s([0, 0, 0])),
  ];
}

/**
 * The nodes that give `output` the shape of `input` filled from the constant
 * noise: Shape → reps = (shape − 1) / noise shape + 1 → Tile → Slice to shape.
 */
function fixedNoiseNodes(input: string, output: string, index: number): Uint8Array[] {
  const n = (suffix: string): string => `voxpress/noise${index}/${suffix}`;
  return [
    node('Shape', n('shape'), [input], [n('shape')]),
    node('Sub', n('less_one'), [n('shape'), ONES], [n('less_one')]),
    node('Div', n('quotient'), [n('less_one'), NOISE_SHAPE], [n('quotient')]),
    node('Add', n('reps'), [n('quotient'), ONES], [n('reps')]),
    node('Tile', n('tiled'), [NOISE, n('reps')], [n('tiled')]),
    node('Slice', n('slice'), [n('tiled'), ZEROS, n('shape')], [output]),
  ];
}

/** Mean and scale of a RandomNormalLike node (defaults 0 and 1). */
function normalParameters(bytes: Uint8Array, attributes: readonly Field[]): { mean: number; scale: number } {
  const found = { mean: 0, scale: 1 };
  for (const attribute of attributes) {
    const value = bytes.subarray(attribute.valueStart, attribute.end);
    const parts = fields(value);
    const name = stringsOf(value, parts, ATTRIBUTE_NAME)[0];
    const f = parts.find((p) => p.number === ATTRIBUTE_F && p.wire === WIRE_I32);
    if ((name === 'mean' || name === 'scale') && f) found[name] = new DataView(value.buffer, value.byteOffset + f.valueStart, 4).getFloat32(0, true);
  }
  return found;
}

/** The graph with every RandomNormalLike replaced, and how many were. */
function graphWithFixedNoise(graph: Uint8Array): { graph: Uint8Array; replaced: number } {
  const parts: Uint8Array[] = [];
  let replaced = 0;
  for (const field of fields(graph)) {
    const whole = graph.subarray(field.start, field.end);
    if (field.number !== GRAPH_NODE || field.wire !== WIRE_LEN) {
      parts.push(whole);
      continue;
    }
    const body = graph.subarray(field.valueStart, field.end);
    const nodeFields = fields(body);
    if (stringsOf(body, nodeFields, NODE_OP_TYPE)[0] !== 'RandomNormalLike') {
      parts.push(whole);
      continue;
    }
    const [input] = stringsOf(body, nodeFields, NODE_INPUT);
    const [output] = stringsOf(body, nodeFields, NODE_OUTPUT);
    if (input === undefined || output === undefined) throw new OnnxError('a RandomNormalLike node has no input or output');
    const { mean, scale } = normalParameters(body, nodeFields.filter((f) => f.number === NODE_ATTRIBUTE && f.wire === WIRE_LEN));
    if (mean !== 0 || scale !== 1) throw new OnnxError(`a RandomNormalLike node draws from N(${mean}, ${scale}), not the standard normal a Piper voice uses`);
    // In place, so the nodes stay in topological order.
    parts.push(...fixedNoiseNodes(input, output, replaced).map((n) => lenField(GRAPH_NODE, n)));
    replaced += 1;
  }
  if (replaced > 0) parts.push(...noiseInitializers().map((t) => lenField(GRAPH_INITIALIZER, t)));
  return { graph: Buffer.concat(parts), replaced };
}

/**
 * The model's bytes with its random sampling replaced by fixed noise, and how
 * many sampling nodes were replaced (0: the model was already deterministic
 * and is returned as it was).
 */
export function withFixedNoise(model: Uint8Array): { model: Uint8Array; replaced: number } {
  const top = fields(model);
  const graphField = top.find((f) => f.number === MODEL_GRAPH && f.wire === WIRE_LEN);
  if (!graphField) throw new OnnxError('not an ONNX model: it has no graph');
  const { graph, replaced } = graphWithFixedNoise(model.subarray(graphField.valueStart, graphField.end));
  if (replaced === 0) return { model, replaced };
  const parts = top.map((f) => (f === graphField ? lenField(MODEL_GRAPH, graph) : model.subarray(f.start, f.end)));
  return { model: Buffer.concat(parts), replaced };
}
