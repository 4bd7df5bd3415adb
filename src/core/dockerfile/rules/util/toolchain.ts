/**
 * Build toolchains installed by package managers, and the "install, build, purge in the same RUN"
 * idiom that official images use to keep them out of the final layer.
 */
import type { ShellWord } from '../../parse/shell';
import type { InstructionNode } from '../../model/types';
import { type RunCommand } from './commands';
import { cachedRunCommands } from './run-index';
import { APK, APT, YUM, packageCommands, packageOperands } from './package-managers';

const TOOL_PACKAGES = new Set([
  'gcc',
  'g++',
  'clang',
  'llvm',
  'make',
  'cmake',
  'build-essential',
  'build-base',
  'autoconf',
  'automake',
  'libtool',
  'gcc-c++',
  'golang',
  'golang-go',
  'go',
  'rustc',
  'cargo',
  'rust',
  'default-jdk',
  'default-jdk-headless',
  'maven',
  'gradle',
  'ninja-build',
  'meson',
]);

/** True for compilers, build systems, JDKs and header packages (`libssl-dev`, `openssl-devel`). */
export function isBuildTool(pkg: string): boolean {
  const name = pkg.split(/[=<>~]/)[0].toLowerCase();
  if (TOOL_PACKAGES.has(name)) return true;
  if (/-(dev|devel)$/.test(name)) return true;
  if (/^(gcc|g\+\+|clang)-?\d+(\.\d+)?$/.test(name)) return true;
  return /^(openjdk-?\d+(-jdk(-headless)?)?|java-[\d.]+-openjdk-devel|openjdk\d+(-jdk)?)$/.test(name) && !/jre/.test(name);
}

export interface InstalledTool {
  command: RunCommand;
  word: ShellWord;
}

/** Build tools installed by `instruction` and not removed again later in the same RUN. */
export function toolsLeftInstalled(instruction: InstructionNode): InstalledTool[] {
  const all = cachedRunCommands([instruction]);
  if (!all.length) return [];
  const installs = [
    ...packageCommands([instruction], APT, ['install']).map((c) => ({
      c,
      operands: packageOperands(c.rest, APT.optionsWithValue),
      virtual: undefined as string | undefined,
    })),
    ...packageCommands([instruction], APK, ['add']).map((c) => ({ c, operands: packageOperands(c.rest, APK.optionsWithValue), virtual: apkVirtual(c.rest) })),
    ...packageCommands([instruction], YUM, ['install', 'groupinstall']).map((c) => ({
      c,
      operands: packageOperands(c.rest, YUM.optionsWithValue),
      virtual: undefined,
    })),
  ];
  const position = new Map(all.map((r, i) => [r.command, i]));
  const result: InstalledTool[] = [];
  for (const { c, operands, virtual } of installs) {
    if (!operands.some((w) => w.literal && isBuildTool(w.value))) continue;
    const after = all.slice((position.get(c.command) ?? all.length) + 1);
    for (const word of operands) {
      if (!word.literal || !isBuildTool(word.value)) continue;
      if (removedLater(after, word.value, c.name, virtual)) continue;
      result.push({ command: c, word });
    }
  }
  return result;
}

function apkVirtual(rest: readonly ShellWord[]): string | undefined {
  for (let i = 0; i < rest.length; i++) {
    if (rest[i].value === '-t' || rest[i].value === '--virtual') return rest[i + 1]?.value;
    if (rest[i].value.startsWith('--virtual=')) return rest[i].value.slice('--virtual='.length);
  }
  return undefined;
}

/**
 * `apt-get purge pkg`, `apk del pkg` / `apk del .virtual`, `yum remove pkg`, or the
 * `apt-mark auto ...` + `apt-get purge --auto-remove` / `autoremove` idiom, after the install.
 */
function removedLater(after: readonly RunCommand[], pkg: string, manager: string, virtual: string | undefined): boolean {
  const name = pkg.split(/[=<>~]/)[0];
  const removals = after.filter((r) => {
    const sub = r.args.find((a) => !a.value.startsWith('-'))?.value;
    if (r.name === 'apt-get' || r.name === 'apt') return sub === 'purge' || sub === 'remove' || sub === 'autoremove';
    if (r.name === 'apk') return sub === 'del';
    if (YUM.names.includes(r.name)) return sub === 'remove' || sub === 'erase' || sub === 'autoremove';
    return false;
  });
  if (removals.some((r) => r.args.some((a) => a.value === name || (virtual !== undefined && a.value === virtual) || !a.literal))) return true;
  if (manager === 'apt-get' || manager === 'apt') {
    const markedAuto = after.some(
      (r) =>
        (r.name === 'apt-mark' && r.args[0]?.value === 'auto') ||
        (r.name === 'xargs' && r.args.some((a, i) => a.value === 'apt-mark' && r.args[i + 1]?.value === 'auto')),
    );
    const autoRemoves = removals.some((r) => r.args.some((a) => a.value === 'autoremove' || a.value === '--auto-remove'));
    if (markedAuto && autoRemoves) return true;
  }
  return false;
}
