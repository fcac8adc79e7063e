// Build step (npm run build, after tsc): the bundled eSpeak NG module split into its code and its data segments,
// written to dist/data/ (espeak-ng.code.wasm, espeak-ng.data, espeak-ng.split.json). A compiled module keeps its whole
// binary while an instance lives, and the package's binary is almost all data that instantiating copies into memory
// anyway: src/speech/engines/espeak-data.ts says why and reads these files (or the package's module without them).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const { packagedWasmPath, splitData, splitManifest, SPLIT_FILES } = await import(new URL('../dist/speech/engines/espeak-data.js', import.meta.url).href);
const wasm = readFileSync(packagedWasmPath());
const { code, segments } = splitData(wasm);
if (segments.length === 0) throw new Error('the eSpeak NG module has no data segments to split');
const dir = new URL('../dist/data/', import.meta.url);
mkdirSync(dir, { recursive: true });
// The manifest goes first and comes back last: a build stopped half-way leaves none naming files that are not whole.
rmSync(new URL(SPLIT_FILES.manifest, dir), { force: true });
writeFileSync(new URL(SPLIT_FILES.code, dir), code);
writeFileSync(new URL(SPLIT_FILES.data, dir), Buffer.concat(segments.map((s) => s.bytes)));
writeFileSync(new URL(SPLIT_FILES.manifest, dir), `${JSON.stringify(splitManifest(wasm, segments))}\n`);
