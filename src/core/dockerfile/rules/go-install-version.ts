import type { DockerfileRule } from '../check/rule';
import type { ShellWord } from '../parse/shell';
import { cachedRunCommands } from './util/run-index';

/**
 * Build flags of `go install`/`get`/`run` that take the next word as their value (`-tags netgo`);
 * `-flag=value` is one word. Their values are never packages.
 */
const FLAGS_WITH_VALUE = new Set(
  ['C', 'p', 'o', 'asmflags', 'buildmode', 'compiler', 'gccgoflags', 'gcflags', 'installsuffix', 'ldflags', 'mod', 'modfile',
    'overlay', 'pgo', 'pkgdir', 'tags', 'toolexec', 'exec', 'coverpkg', 'covermode'].map((f) => `-${f}`),
);
const FLOATING = new Set(['latest', 'upgrade', 'patch']);
/** Package patterns that name no module to pin (`go get -u all`). */
const PATTERNS = new Set(['all', 'std', 'cmd', 'tool']);

/**
 * `go install pkg` without `@version` fails outside a module, and `@latest` changes from build to build;
 * `go get pkg` and `go run pkg` resolve a remote module the same way. `go run` runs its first package
 * only: the words after it are the program's arguments.
 */
const rule: DockerfileRule = {
  meta: {
    id: 'go-install-version',
    domain: 'dockerfile',
    defaultSeverity: 'warning',
    description: 'Pin the version in `go install <pkg>@<version>` (and `go get`, `go run`).',
    practice: 'reproducibility',
    aliases: ['DL3062'],
  },
  check({ model, report }) {
    for (const run of cachedRunCommands(model.instructions)) {
      const sub = run.args[0]?.value;
      if ((run.name !== 'go' && run.name !== 'xx-go') || (sub !== 'install' && sub !== 'get' && sub !== 'run')) continue;
      for (const word of packageArguments(run.args.slice(1), sub === 'run')) {
        const value = word.value;
        if (!word.literal || value.startsWith('.') || value.startsWith('/') || value.endsWith('.go') || PATTERNS.has(value) || value.includes('...')) continue;
        // `go install foo` (no path, no version) names a package of the current module or GOPATH.
        if (sub !== 'get' && !value.includes('/') && !value.includes('@')) continue;
        const version = value.includes('@') ? value.slice(value.lastIndexOf('@') + 1) : '';
        // `pkg@none` removes a dependency (`go get`); `latest`, `upgrade` and `patch` are queries resolved on build day.
        if (version && !FLOATING.has(version)) continue;
        report({ start: word.start, end: word.end, message: `\`${value}\` is not pinned; write \`${value.replace(/@(latest|upgrade|patch)$/, '')}@<version>\`.` });
      }
    }
  },
};

/** The package operands: flags and their values skipped; for `go run`, only the first operand. */
function packageArguments(args: readonly ShellWord[], firstOnly: boolean): ShellWord[] {
  const result: ShellWord[] = [];
  for (let i = 0; i < args.length; i++) {
    const value = args[i].value;
    if (value === '--') continue;
    if (value.startsWith('-')) {
      if (FLAGS_WITH_VALUE.has(value.replace(/^--/, '-'))) i++;
      continue;
    }
    result.push(args[i]);
    if (firstOnly) break;
  }
  return result;
}
export default rule;
