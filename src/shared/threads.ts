/**
 * The URL of a worker thread's entry module `name` beside the module at
 * `base` (the caller's `import.meta.url`). Under the test runner modules are
 * loaded from their TypeScript source, which a worker thread cannot run: the
 * compiled module in dist/ is used then (npm test builds first).
 */
export function threadEntry(name: string, base: string): URL {
  const url = new URL(`./${name}.${base.endsWith('.ts') ? 'ts' : 'js'}`, base);
  return url.pathname.endsWith('.ts') ? new URL(url.href.replace(/\/src\/(?!.*\/src\/)/, '/dist/').replace(/\.ts$/, '.js')) : url;
}
