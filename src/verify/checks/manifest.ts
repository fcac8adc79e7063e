import type { Outcome } from '../validator.js';

/*
 * `.voxpress.json` (src/pipeline/key.ts): the rebuild key and the outputs of
 * the run that wrote the folder. Every output it lists must still be there: a
 * missing one means the folder is not what that run made.
 */

export const MANIFEST_CHECKED = 'the run\'s manifest: a rebuild key, and every output it lists present in the folder';

export function manifestOutcome(text: string, present: ReadonlySet<string>): Outcome {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { checked: MANIFEST_CHECKED, counts: {}, findings: [{ rule: 'json', message: `not JSON: ${(error as Error).message}` }] };
  }
  const manifest = value as { key?: unknown; outputs?: unknown };
  if (typeof manifest.key !== 'string' || !/^[0-9a-f]{64}$/.test(manifest.key) || !Array.isArray(manifest.outputs) || !manifest.outputs.every((o) => typeof o === 'string')) {
    return { checked: MANIFEST_CHECKED, counts: {}, findings: [{ rule: 'shape', message: 'not {key: a sha-256 in hex, outputs: [file names]}' }] };
  }
  const outputs = manifest.outputs as string[];
  const missing = outputs.filter((name) => !present.has(name));
  return {
    checked: MANIFEST_CHECKED,
    counts: { outputs: outputs.length, missing: missing.length },
    findings: missing.map((name) => ({ rule: 'missing-output', message: `${name} is listed by the manifest but not in the folder` })),
  };
}
