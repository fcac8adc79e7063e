import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import { NOISE_CHANNELS, NOISE_FRAMES, OnnxError, seededNoise, withFixedNoise } from '../../../src/speech/engines/onnx-noise.js';

// Tiny models made with the onnx package by tests/fixtures/onnx/make.py, run by the real ONNX Runtime.
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(`tests/fixtures/onnx/${name}.onnx`));
ort.env.wasm.numThreads = 1;
ort.env.logLevel = 'error';

type Session = Awaited<ReturnType<typeof ort.InferenceSession.create>>;

async function run(model: Uint8Array | Session, channels: number, frames: number): Promise<{ dims: readonly number[]; data: Float32Array }> {
  const session = model instanceof Uint8Array ? await ort.InferenceSession.create(model) : model;
  const x = new ort.Tensor('float32', new Float32Array(channels * frames), [1, channels, frames]);
  const { y } = await session.run({ x });
  if (!y) throw new Error('no output');
  return { dims: y.dims, data: y.data as Float32Array };
}

describe('withFixedNoise', () => {
  it('makes a sampling model give the same values on every run, in every session', async () => {
    const original = await ort.InferenceSession.create(fixture('random'));
    // Unchanged, the node's generator advances on every run: a unit's noise would depend on the units before it.
    expect((await run(original, 2, 50)).data).not.toEqual((await run(original, 2, 50)).data);
    const { model, replaced } = withFixedNoise(fixture('random'));
    expect(replaced).toBe(1);
    const session = await ort.InferenceSession.create(model);
    const first = await run(session, 2, 50);
    expect(first.dims).toEqual([1, 2, 50]);
    expect((await run(session, 2, 50)).data).toEqual(first.data);
    expect((await run(model, 2, 50)).data).toEqual(first.data);
  });

  it('fills the shape asked for from the seeded noise, tiled past its size', async () => {
    const { model } = withFixedNoise(fixture('random'));
    const noise = seededNoise(NOISE_CHANNELS * NOISE_FRAMES);
    const frames = NOISE_FRAMES + 10;
    const { dims, data } = await run(model, 3, frames);
    expect(dims).toEqual([1, 3, frames]);
    for (const [c, t] of [[0, 0], [1, 7], [2, NOISE_FRAMES - 1]] as const) expect(data[c * frames + t]).toBe(noise[c * NOISE_FRAMES + t]);
    // Past the constant's length the noise starts again.
    expect(data[NOISE_FRAMES + 3]).toBe(noise[3]);
    // More channels than the constant has: tiled along them too.
    const wide = await run(model, NOISE_CHANNELS + 1, 4);
    expect(wide.data[NOISE_CHANNELS * 4 + 2]).toBe(noise[2]);
  });

  it('draws standard-normal noise, the same on every call', () => {
    const noise = seededNoise(100_000);
    const mean = noise.reduce((a, b) => a + b, 0) / noise.length;
    const sd = Math.sqrt(noise.reduce((a, b) => a + (b - mean) ** 2, 0) / noise.length);
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.abs(sd - 1)).toBeLessThan(0.02);
    expect(seededNoise(5)).toEqual(seededNoise(5));
    expect(seededNoise(5, 1)).not.toEqual(seededNoise(5));
  });

  it('returns a model without sampling as it was', () => {
    const plain = fixture('plain');
    expect(withFixedNoise(plain)).toEqual({ model: plain, replaced: 0 });
  });

  it('refuses a sampling node that is not standard normal, and bytes that are not a model', () => {
    expect(() => withFixedNoise(fixture('scaled'))).toThrow(/N\(1, 1\)/);
    expect(() => withFixedNoise(new Uint8Array([0x0a, 0x05, 0x01]))).toThrow(OnnxError);
    expect(() => withFixedNoise(new TextEncoder().encode('not a model at all'))).toThrow(OnnxError);
  });
});
