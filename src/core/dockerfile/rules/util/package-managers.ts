/**
 * Package-manager invocations inside RUN: which subcommand runs and which operands are packages,
 * skipping option values (`-t bookworm-backports`, `--virtual .deps`, `-i https://...`) so they are
 * never mistaken for package names.
 */
import type { ShellWord } from '../../parse/shell';
import type { InstructionNode } from '../../model/types';
import type { Finding } from '../../check/rule';
import { type RunCommand } from './commands';
import { cachedRunCommands } from './run-index';

export interface PackageManager {
  /** Program names (basenames) that run this manager. */
  names: readonly string[];
  /** Options that take the next word as their value. */
  optionsWithValue: readonly string[];
}

export const APT: PackageManager = {
  names: ['apt-get', 'apt'],
  optionsWithValue: ['-o', '-t', '-c', '--option', '--target-release', '--default-release', '--config-file'],
};
export const APK: PackageManager = {
  names: ['apk'],
  optionsWithValue: [
    '-t',
    '--virtual',
    '-X',
    '--repository',
    '--repositories-file',
    '-p',
    '--root',
    '--arch',
    '--cache-dir',
    '--keys-dir',
    '--cache-max-age',
    '--timeout',
  ],
};
export const PIP: PackageManager = {
  names: [],
  optionsWithValue: [
    '-r',
    '--requirement',
    '-c',
    '--constraint',
    '-e',
    '--editable',
    '-i',
    '--index-url',
    '--extra-index-url',
    '-f',
    '--find-links',
    '-t',
    '--target',
    '--prefix',
    '--root',
    '--src',
    '--platform',
    '--python-version',
    '--implementation',
    '--abi',
    '--upgrade-strategy',
    '--progress-bar',
    '--log',
    '--proxy',
    '--retries',
    '--timeout',
    '--exists-action',
    '--trusted-host',
    '--cert',
    '--client-cert',
    '--cache-dir',
    '--global-option',
    '--install-option',
    '--config-settings',
    '-C',
    '--python',
    '--only-binary',
    '--no-binary',
    '--report',
  ],
};
export const NPM: PackageManager = {
  names: ['npm'],
  optionsWithValue: ['--prefix', '--registry', '--cache', '--userconfig', '-w', '--workspace', '--omit', '--include', '--loglevel', '--tag', '-C'],
};
export const GEM: PackageManager = {
  names: ['gem'],
  optionsWithValue: ['-v', '--version', '-i', '--install-dir', '-n', '--bindir', '--source', '-s', '-P', '--trust-policy', '--platform', '-g', '--file'],
};
export const YUM: PackageManager = {
  names: ['yum', 'dnf', 'microdnf', 'tdnf'],
  optionsWithValue: [
    '--enablerepo',
    '--disablerepo',
    '--setopt',
    '--releasever',
    '--installroot',
    '-c',
    '--config',
    '-x',
    '--exclude',
    '--repo',
    '--repoid',
    '-d',
    '-e',
    '--rpmverbosity',
  ],
};
export const ZYPPER: PackageManager = {
  names: ['zypper'],
  optionsWithValue: ['-r', '--repo', '--from', '-t', '--type', '-R', '--root', '--installroot', '-D', '--reposd-dir', '-C', '--cache-dir', '--releasever'],
};

export interface PackageCommand extends RunCommand {
  /** The subcommand word (`install`, `add`, ...). */
  sub: ShellWord;
  /** Arguments after the subcommand. */
  rest: ShellWord[];
}

/** Every invocation of `manager` with one of `subcommands` in the given instructions. */
export function packageCommands(instructions: readonly InstructionNode[], manager: PackageManager, subcommands: readonly string[]): PackageCommand[] {
  const result: PackageCommand[] = [];
  for (const run of cachedRunCommands(instructions)) {
    if (!manager.names.includes(run.name)) continue;
    const found = subcommandAt(run.args, manager.optionsWithValue);
    if (!found || !subcommands.includes(found.word.value)) continue;
    result.push({ ...run, sub: found.word, rest: run.args.slice(found.index + 1) });
  }
  return result;
}

/** `pip install`, `pip3.12 install`, `python3 -m pip install`. */
export function pipCommands(instructions: readonly InstructionNode[], subcommands: readonly string[] = ['install']): PackageCommand[] {
  const result: PackageCommand[] = [];
  for (const run of cachedRunCommands(instructions)) {
    let args = run.args;
    if (/^python[0-9.]*$/.test(run.name)) {
      const m = args.findIndex((a) => a.value === '-m');
      if (m === -1 || !/^pip[0-9.]*$/.test(args[m + 1]?.value ?? '')) continue;
      args = args.slice(m + 2);
    } else if (!/^pip[0-9.]*$/.test(run.name)) continue;
    const found = subcommandAt(args, PIP.optionsWithValue);
    if (!found || !subcommands.includes(found.word.value)) continue;
    result.push({ ...run, args, sub: found.word, rest: args.slice(found.index + 1) });
  }
  return result;
}

function subcommandAt(args: readonly ShellWord[], optionsWithValue: readonly string[]): { word: ShellWord; index: number } | undefined {
  for (let i = 0; i < args.length; i++) {
    const value = args[i].value;
    if (value.startsWith('-')) {
      if (optionsWithValue.includes(value)) i++;
      continue;
    }
    return { word: args[i], index: i };
  }
  return undefined;
}

/** The operands of `rest`: words that are neither options nor the values of options. */
export function packageOperands(rest: readonly ShellWord[], optionsWithValue: readonly string[]): ShellWord[] {
  const result: ShellWord[] = [];
  for (let i = 0; i < rest.length; i++) {
    const value = rest[i].value;
    if (value.startsWith('-')) {
      if (optionsWithValue.includes(value)) i++;
      continue;
    }
    result.push(rest[i]);
  }
  return result;
}

/**
 * Operands that cannot be pinned by a version suffix, so pinning rules leave them alone: variables
 * (`$buildDeps`), files and paths (`./x.deb`, `/tmp/pkg.apk`, `.`), URLs and globs.
 */
export function isUnpinnable(word: ShellWord): boolean {
  const value = word.value;
  if (!word.literal || value.includes('$')) return true;
  if (value.startsWith('.') || value.startsWith('/') || value.startsWith('~')) return true;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || value.startsWith('git+') || value.startsWith('file:')) return true;
  return /\.(deb|apk|rpm|whl|tar\.gz|tgz|zip|gem)$/i.test(value) || value.includes('*');
}

export interface InstalledPackage {
  /** The package name without version or release suffix, lower-cased. */
  name: string;
  word: ShellWord;
}

/** The package managers whose installs `installedPackages` reads, with their install subcommands. */
const INSTALLERS: [PackageManager, string[]][] = [
  [APT, ['install']],
  [APK, ['add']],
  [YUM, ['install']],
  [ZYPPER, ['install', 'in']],
  [NPM, ['install', 'i', 'add']],
  [GEM, ['install']],
];

/** Every package the instructions install, with any package manager (pip included). */
export function installedPackages(instructions: readonly InstructionNode[]): InstalledPackage[] {
  const commands = [
    ...INSTALLERS.flatMap(([manager, subs]) => packageCommands(instructions, manager, subs).map((c) => ({ c, options: manager.optionsWithValue }))),
    ...pipCommands(instructions).map((c) => ({ c, options: PIP.optionsWithValue })),
  ];
  return commands.flatMap(({ c, options }) =>
    packageOperands(c.rest, options).map((word) => ({ name: word.value.split(/[=<>~@]|:(?=[^/])/)[0].toLowerCase(), word })),
  );
}

/** A package-manager command that would stop at a confirmation prompt, with the `-y` quick fix. */
export function missingYesFinding(run: PackageCommand): Finding {
  return {
    start: run.sub.start,
    end: run.sub.end,
    message: `\`${run.name} ${run.sub.value}\` without \`-y\` waits for a confirmation that never comes in a build.`,
    fixes: [{ title: 'Add -y', edits: [{ start: run.sub.end, end: run.sub.end, newText: ' -y' }], preferred: true }],
  };
}
