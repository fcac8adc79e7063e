import fc from 'fast-check';

/*
 * Property tests draw from one fixed seed, so a run of `npm test` checks the
 * same cases every time and CI cannot fail by the luck of the draw (it once
 * did, on seed -835058774, which found a real defect: keep such a case as a
 * plain test). VOXPRESS_PROPERTY_SEED=<integer> replays a seed a failure
 * printed; VOXPRESS_PROPERTY_SEED=random explores new cases.
 */
const FIXED_SEED = 20261204;

function propertySeed(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return FIXED_SEED;
  if (value === 'random') return undefined;
  const seed = Number(value);
  if (!Number.isSafeInteger(seed)) throw new Error(`VOXPRESS_PROPERTY_SEED must be an integer or "random", not "${value}"`);
  return seed;
}

const seed = propertySeed(process.env.VOXPRESS_PROPERTY_SEED);
if (seed !== undefined) fc.configureGlobal({ seed });
