// Bundles the extension, the CLI and the `shipshape/core` library into dist/ with esbuild.
// `--watch` rebuilds on change; `--minify` is used for packaging.
import { build, context } from 'esbuild';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify');

// Node's crypto, zlib (with stream), net and worker_threads take 5–25 ms each to load, and a bundle
// requires every builtin it imports when it starts. Each becomes a module of getters that loads the
// builtin on first use, so a command that never hashes, unzips or spawns a worker never pays for it.
const LAZY_BUILTINS = ['crypto', 'zlib', 'net', 'worker_threads'];
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^(node:)?(${LAZY_BUILTINS.join('|')})$`) }, (args) =>
      args.namespace === 'lazy-builtin' ? undefined : { path: args.path.replace(/^node:/, ''), namespace: 'lazy-builtin' },
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => {
      const keys = Object.keys(createRequire(import.meta.url)(`node:${args.path}`));
      return {
        loader: 'js',
        contents: [
          `let loaded; const load = () => (loaded ??= require(${JSON.stringify(`node:${args.path}`)}));`,
          `for (const key of ${JSON.stringify(keys)}) Object.defineProperty(exports, key, { enumerable: true, get: () => load()[key] });`,
        ].join('\n'),
      };
    });
  },
};

const common = {
  plugins: [lazyBuiltins],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !minify,
  minify,
  logLevel: 'warning',
  define: { SHIPSHAPE_VERSION: JSON.stringify(pkg.version) },
};

// The CLI is a small dispatcher (dist/cli.js) and one bundle per command, loaded when that command
// runs: a short command then compiles only its own code (`render` a third of the whole CLI). The
// command bundles drop whitespace and simplify syntax (names kept, so stacks stay readable): less to
// read and scan at every start, 5–9% of a short command's wall time here.
const CLI_COMMANDS = ['check', 'render', 'rules', 'lsp'];
const commandBundles = {
  name: 'cli-command-bundles',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^\\./(${CLI_COMMANDS.join('|')})$`) }, (args) =>
      args.importer.endsWith('src/cli/main.ts') ? { path: `./cli-${args.path.slice(2)}.js`, external: true } : undefined,
    );
  },
};

const entries = [
  // The banner marks when VS Code starts loading the bundle: activation time counts loading as VS Code does.
  { entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], banner: { js: '"use strict";\nglobalThis.shipshapeLoadStart = performance.now();' } },
  // The Helm renderer's worker thread, for the editor's render view and the server's checks (src/core/helm/worker/).
  { entryPoints: ['src/core/helm/worker/render-worker.ts'], outfile: 'dist/helm-render-worker.js' },
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', plugins: [commandBundles, lazyBuiltins] },
  ...CLI_COMMANDS.map((command) => ({ entryPoints: [`src/cli/${command}.ts`], outfile: `dist/cli-${command}.js`, minifyWhitespace: true, minifySyntax: true })),
  { entryPoints: ['src/server/main.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['src/core/index.ts'], outfile: 'dist/core.js' },
];

if (watch) {
  for (const entry of entries) await (await context({ ...common, ...entry })).watch();
} else {
  await Promise.all(entries.map((entry) => build({ ...common, ...entry })));
  // bin/shipshape.js reads the CLI bundles as latin1 (half the time of UTF-8 decoding, and a one-byte
  // string for V8): esbuild escapes non-ASCII in strings, not in regular expression literals, so write
  // those as \uXXXX.
  for (const file of ['dist/cli.js', ...CLI_COMMANDS.map((command) => `dist/cli-${command}.js`)]) {
    const text = readFileSync(file, 'utf8');
    const at = text.search(/[^\x00-\x7f]/);
    if (at >= 0) throw new Error(`${file} is not ASCII at ${JSON.stringify(text.slice(Math.max(0, at - 40), at + 10))}: escape the character as \\uXXXX in its source`);
  }
}
