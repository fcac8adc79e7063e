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
const layer = (name, allowed) => ({
  name: `${name}-imports-only-below`,
  comment: `src/${name}/ may import only ${allowed.join(', ')} (and npm packages)`,
  severity: 'error',
  from: { path: `^src/${name}/` },
  to: { path: '^src/', pathNot: allowed.map((a) => `^src/${a}/`) },
});

const IO_MODULES = '^(fs|fs/promises|node:fs|node:fs/promises|net|node:net|http|node:http|https|node:https|child_process|node:child_process)$';

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'no import cycles anywhere in src/', from: { path: '^src/' }, to: { circular: true } },
    layer('model', ['model']),
    layer('shared', ['model', 'shared']),
    layer('readers', ['model', 'shared', 'readers']),
    layer('speech', ['model', 'shared', 'speech']),
    layer('writers', ['model', 'shared', 'speech', 'writers']),
    layer('io', ['model', 'shared', 'readers', 'speech', 'io']),
    layer('pipeline', ['model', 'shared', 'readers', 'speech', 'writers', 'io', 'pipeline']),
    layer('verify', ['model', 'shared', 'speech', 'io', 'pipeline', 'verify']),
    {
      name: 'no-io-in-pure-layers',
      comment:
        'files, processes and the network are used at the edges (io/, pipeline/, cli/, the engines, verify/ but for its checks and renderers); the exceptions read the package’s own data: its version, the SSML schema, the PDF fonts',
      severity: 'error',
      from: {
        path: '^src/(model|shared|readers|writers|speech)/|^src/verify/(checks|render)/|^src/verify/(report|types|validator)\\.ts$',
        pathNot: ['^src/speech/engines/', '^src/speech/validate\\.ts$', '^src/writers/pdf/(fonts|cjk-fonts)\\.ts$', '^src/shared/version\\.ts$'],
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
