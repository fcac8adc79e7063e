/**
 * The layering of src/ (docs/architecture.md), checked by `npm test`:
 *
 *   model ← shared ← {readers, speech} ← writers ← pipeline ← verify ← cli
 *
 * `io` (files: articles, images, lexicons, atomic writes) sits beside the
 * pipeline at the edge; the model, the shared helpers, the readers and the
 * writers never touch the file system or the network. `verify` (the
 * conformance report) runs validators on written outputs: its checks and
 * renderers are pure, its tools and folder reading are the edge.
 */
const layer = (name, allowed, except = {}) => ({
  name: `${name}-imports-only-below`,
  comment: `src/${name}/ may import only ${allowed.join(', ')} (and npm packages)${except.why ? `; ${except.why}` : ''}`,
  severity: 'error',
  from: { path: `^src/${name}/`, ...(except.fromNot ? { pathNot: except.fromNot } : {}) },
  to: { path: '^src/', pathNot: [...allowed.map((a) => `^src/${a}/`), ...(except.modules ?? [])] },
});

const IO_MODULES = '^(fs|fs/promises|node:fs|node:fs/promises|net|node:net|http|node:http|https|node:https|child_process|node:child_process)$';

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'no import cycles anywhere in src/', from: { path: '^src/' }, to: { circular: true } },
    layer('model', ['model']),
    layer('shared', ['model', 'shared']),
    layer('readers', ['model', 'shared', 'readers']),
    // The engines are at the edge and read voice files: through the one bounded reader (io/files.ts, a leaf that
    // imports only node:fs and io/errors.ts), not a copy of it.
    layer('speech', ['model', 'shared', 'speech'], { fromNot: '^src/speech/engines/' }),
    layer('speech/engines', ['model', 'shared', 'speech'], { modules: ['^src/io/(files|errors)\\.ts$'], why: 'and io/files.ts, the bounded reader, for voice files' }),
    layer('writers', ['model', 'shared', 'speech', 'writers']),
    layer('io', ['model', 'shared', 'readers', 'speech', 'io']),
    layer('pipeline', ['model', 'shared', 'readers', 'speech', 'writers', 'io', 'pipeline']),
    layer('verify', ['model', 'shared', 'speech', 'io', 'pipeline', 'verify']),
    {
      name: 'no-io-in-pure-layers',
      comment:
        'files, processes and the network are used at the edges (io/, pipeline/, cli/, the engines, verify/ but for its checks and renderers); the exceptions read the package’s own data: its version, the SSML schema, the LAME module, the PDF fonts',
      severity: 'error',
      from: {
        path: '^src/(model|shared|readers|writers|speech)/|^src/verify/(checks|render)/|^src/verify/(report|types|validator)\\.ts$',
        pathNot: ['^src/speech/engines/', '^src/speech/validate\\.ts$', '^src/speech/audio/lame\\.ts$', '^src/writers/pdf/(fonts|cjk-fonts)\\.ts$', '^src/shared/version\\.ts$'],
      },
      to: { path: IO_MODULES },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js', '.d.ts'] },
  },
};
