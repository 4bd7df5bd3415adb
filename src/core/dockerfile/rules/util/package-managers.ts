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
  /**
   * Options known to take no value. When set, an option in neither list is one the manager rejects
   * ("invalid option"), so the word after it is not read as a package either.
   */
  optionsWithoutValue?: readonly string[];
  /** Words after `--` go to another program (gem's extension build options), not packages. */
  passThrough?: boolean;
}

/** apt-get, apt and aptitude: the same lists, cache, pins (`pkg=version`) and `-y`. */
export const APT: PackageManager = {
  names: ['apt-get', 'apt', 'aptitude'],
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
    '--root-user-action',
    '--keyring-provider',
    '--use-feature',
    '--use-deprecated',
    '--log-file',
    '--local-log',
    '--resume-retries',
    '--group',
  ],
};
/** pipx installs each application into its own venv; `pipx install black` is pinned as pip's are (`black==24.8.0`). */
export const PIPX: PackageManager = {
  names: ['pipx'],
  optionsWithValue: ['--python', '--suffix', '--pip-args', '--index-url', '-i', '--preinstall', '--spec', '--editable', '-e'],
};
export const NPM: PackageManager = {
  names: ['npm'],
  optionsWithValue: ['--prefix', '--registry', '--cache', '--userconfig', '-w', '--workspace', '--omit', '--include', '--loglevel', '--tag', '-C'],
};
export const GEM: PackageManager = {
  names: ['gem'],
  optionsWithValue: ['-v', '--version', '-i', '--install-dir', '-n', '--bindir', '--source', '-s', '-P', '--trust-policy', '--platform', '-g', '--file',
    '--build-root', '--without', '--config-file', '-B', '--bulk-threshold', '--target-rbconfig',
    // `--document [TYPES]` and `-p, --http-proxy [URL]`: Ruby's OptionParser takes the next word unless it starts with `-`.
    '--document', '-p', '--http-proxy'],
  // `gem install --help` (RubyGems 3.5): every other option makes gem stop with "invalid option".
  optionsWithoutValue: ['-l', '--local', '-r', '--remote', '-b', '--both', '--clear-sources', '-N', '--no-document', '--no-ri', '--no-rdoc',
    '-E', '--env-shebang', '--no-env-shebang', '-f', '--force', '--no-force', '-w', '--wrappers', '--no-wrappers', '--user-install', '--no-user-install',
    '--development', '--development-all', '--conservative', '--minimal-deps', '--no-minimal-deps', '--post-install-message', '--no-post-install-message',
    '-u', '--update-sources', '--no-update-sources', '--prerelease', '--pre', '--no-prerelease', '--ignore-dependencies', '--default', '--explain',
    '--lock', '--no-lock', '--suggestions', '--no-suggestions', '--vendor', '--format-executable', '--no-format-executable', '--install-as-default',
    '-V', '--verbose', '--no-verbose', '-q', '--quiet', '--silent', '--norc', '--backtrace', '--debug', '-h', '--help',
    '--no-http-proxy'],
  passThrough: true,
};
export const YUM: PackageManager = {
  names: ['yum', 'dnf', 'dnf5', 'microdnf', 'tdnf'],
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
    '--disableplugin',
    '--enableplugin',
    '--forcearch',
    '--downloaddir',
    '--destdir',
    '--repofrompath',
    '--comment',
    '--advisory',
    '--advisories',
    '--cve',
    '--cves',
    '--bz',
    '--bzs',
    '--sec-severity',
    '--secseverity',
  ],
};
export const ZYPPER: PackageManager = {
  names: ['zypper'],
  optionsWithValue: ['-r', '--repo', '--from', '-t', '--type', '-R', '--root', '--installroot', '-D', '--reposd-dir', '-C', '--cache-dir', '--releasever'],
};

/**
 * The rpm family. hadolint gives each manager its own codes (yum DL3030/DL3032/DL3033, zypper
 * DL3034/DL3036/DL3037, dnf and microdnf DL3038/DL3040/DL3041), so a finding carries the code of the
 * manager it is about and `DL3040: off` silences dnf only. Subcommands are listed with their aliases.
 */
export interface RpmManager {
  names: readonly string[];
  codes: { yes: string; clean: string; pin: string };
  /** Subcommands that change installed packages, so they ask for a confirmation without `-y`. */
  changes: readonly string[];
  /** Of those, the ones that download packages into the cache (`clean` must follow them). */
  downloads: readonly string[];
  /** Subcommands whose operands are packages that can be pinned (`module install` takes `name:stream`). */
  pins: readonly string[];
  /** Options that answer the confirmation prompt. */
  yes: readonly string[];
  /** Cache directories: `rm -rf` of one after the install cleans up, a cache mount keeps them out of the layer. */
  cacheDirs: readonly string[];
  clean(name: string): string;
}

const DNF_DOWNLOADS = ['install', 'in', 'reinstall', 'rei', 'upgrade', 'up', 'update', 'upgrade-minimal', 'up-min', 'update-minimal', 'downgrade', 'dg',
  'distro-sync', 'dsync', 'distribution-synchronization', 'groupinstall', 'groupupdate', 'localinstall', 'group install', 'groups install',
  'group upgrade', 'groups upgrade', 'module install', 'module update', 'swap'];
const DNF_CHANGES = [...DNF_DOWNLOADS, 'remove', 'rm', 'erase', 'autoremove', 'groupremove', 'group remove', 'groups remove', 'module remove'];
const YUM_CACHES = ['/var/cache/yum', '/var/cache/dnf', '/var/cache/libdnf5'];
const YES = ['-y', '--assumeyes', '--assume-yes'];

export const YUM_FAMILY: RpmManager = {
  names: ['yum'],
  codes: { yes: 'DL3030', clean: 'DL3032', pin: 'DL3033' },
  changes: DNF_CHANGES,
  downloads: DNF_DOWNLOADS,
  pins: ['install', 'module install'],
  yes: YES,
  cacheDirs: YUM_CACHES,
  clean: (name) => `${name} clean all`,
};
/** dnf, dnf5 and microdnf (microdnf asks for confirmation since EL9), and Photon's dnf-compatible tdnf. */
export const DNF_FAMILY: RpmManager = { ...YUM_FAMILY, names: ['dnf', 'dnf5', 'microdnf', 'tdnf'], codes: { yes: 'DL3038', clean: 'DL3040', pin: 'DL3041' }, pins: ['install', 'in', 'module install'] };
export const ZYPPER_FAMILY: RpmManager = {
  names: ['zypper'],
  codes: { yes: 'DL3034', clean: 'DL3036', pin: 'DL3037' },
  changes: ['install', 'in', 'remove', 'rm', 'update', 'up', 'patch', 'dist-upgrade', 'dup', 'source-install', 'si', 'install-new-recommends', 'inr'],
  downloads: ['install', 'in', 'update', 'up', 'patch', 'dist-upgrade', 'dup', 'source-install', 'si', 'install-new-recommends', 'inr'],
  pins: ['install', 'in'],
  yes: ['-n', '--non-interactive', '-y', '--no-confirm'],
  cacheDirs: ['/var/cache/zypp'],
  clean: () => 'zypper clean --all',
};
export const RPM_FAMILIES: readonly RpmManager[] = [YUM_FAMILY, DNF_FAMILY, ZYPPER_FAMILY];

export interface RpmCommand extends PackageCommand {
  family: RpmManager;
}

/** Every rpm-family command whose subcommand is in the list `which` picks from its family. */
export function rpmCommands(instructions: readonly InstructionNode[], which: (family: RpmManager) => readonly string[]): RpmCommand[] {
  const result: RpmCommand[] = [];
  for (const family of RPM_FAMILIES) {
    const manager = family === ZYPPER_FAMILY ? ZYPPER : YUM;
    for (const c of packageCommands(instructions, manager, which(family))) if (family.names.includes(c.name)) result.push({ ...c, family });
  }
  return result.sort((a, b) => a.sub.start - b.sub.start);
}

export interface PackageCommand extends RunCommand {
  /** The subcommand word (`install`, `add`, ...); for `dnf group install`, the first word (`group`). */
  sub: ShellWord;
  /** The subcommand as matched: `install`, or two words for command groups (`module install`). */
  verb: string;
  /** Arguments after the subcommand. */
  rest: ShellWord[];
}

/** Command groups whose second word is the actual subcommand (`dnf module install`, `yum group install`). */
const SUBCOMMAND_GROUPS = new Set(['group', 'groups', 'module']);

/** Every invocation of `manager` with one of `subcommands` in the given instructions. */
export function packageCommands(instructions: readonly InstructionNode[], manager: PackageManager, subcommands: readonly string[]): PackageCommand[] {
  const result: PackageCommand[] = [];
  for (const run of cachedRunCommands(instructions)) {
    if (!manager.names.includes(run.name)) continue;
    const found = subcommandAt(run.args, manager.optionsWithValue);
    if (!found) continue;
    let verb = found.word.value;
    let restFrom = found.index + 1;
    if (SUBCOMMAND_GROUPS.has(verb)) {
      const second = subcommandAt(run.args.slice(restFrom), manager.optionsWithValue);
      if (second) {
        verb = `${verb} ${second.word.value}`;
        restFrom += second.index + 1;
      }
    }
    if (!subcommands.includes(verb)) continue;
    result.push({ ...run, sub: found.word, verb, rest: run.args.slice(restFrom) });
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
    result.push({ ...run, args, sub: found.word, verb: found.word.value, rest: args.slice(found.index + 1) });
  }
  return result;
}

/** `pipx install black`: the operands are package specs as pip reads them. */
export function pipxCommands(instructions: readonly InstructionNode[]): PackageCommand[] {
  return packageCommands(instructions, PIPX, ['install']);
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

/**
 * The operands of `rest`: words that are neither options nor the values of options. Given the
 * manager, also what its `passThrough` and `optionsWithoutValue` say (see PackageManager).
 */
export function packageOperands(rest: readonly ShellWord[], optionsWithValue: readonly string[] | PackageManager): ShellWord[] {
  const manager = Array.isArray(optionsWithValue) ? undefined : (optionsWithValue as PackageManager);
  const withValue = manager ? manager.optionsWithValue : (optionsWithValue as readonly string[]);
  const result: ShellWord[] = [];
  for (let i = 0; i < rest.length; i++) {
    const value = rest[i].value;
    if (value === '--' && manager?.passThrough) break;
    if (value.startsWith('-')) {
      if (value.includes('=')) continue;
      const option = manager?.optionsWithoutValue ? resolveAbbreviation(value, withValue, manager.optionsWithoutValue) : value;
      // An option the manager does not know: it stops there ("invalid option"), the next word is no package.
      const unknown = option === undefined && !/^-[A-Za-z]{2,}$/.test(value);
      if ((option !== undefined && withValue.includes(option)) || unknown) i++;
      continue;
    }
    result.push(rest[i]);
  }
  return result;
}

/**
 * The option `value` stands for, where the manager accepts unambiguous abbreviations of long options
 * (Ruby's OptionParser: `gem install --no-doc` is `--no-document`); `undefined` when it knows none.
 */
function resolveAbbreviation(value: string, withValue: readonly string[], withoutValue: readonly string[]): string | undefined {
  if (withValue.includes(value) || withoutValue.includes(value)) return value;
  if (!value.startsWith('--')) return undefined;
  // An ambiguous abbreviation is an error ("ambiguous option"), as an unknown one.
  const matches = [...withValue, ...withoutValue].filter((o) => o.startsWith(value));
  return matches.length === 1 ? matches[0] : undefined;
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
  [GEM, ['install', 'i']],
];

/** Every package the instructions install, with any package manager (pip included). */
export function installedPackages(instructions: readonly InstructionNode[]): InstalledPackage[] {
  const commands = [
    ...INSTALLERS.flatMap(([manager, subs]) => packageCommands(instructions, manager, subs).map((c) => ({ c, options: manager as readonly string[] | PackageManager }))),
    ...pipCommands(instructions).map((c) => ({ c, options: PIP.optionsWithValue })),
    ...pipxCommands(instructions).map((c) => ({ c, options: PIPX.optionsWithValue })),
  ];
  return commands.flatMap(({ c, options }: { c: PackageCommand; options: readonly string[] | PackageManager }) =>
    packageOperands(c.rest, options).map((word) => ({ name: word.value.split(/[=<>~@]|:(?=[^/])/)[0].toLowerCase(), word })),
  );
}

/** A package-manager command that would stop at a confirmation prompt, with the `-y` quick fix. */
export function missingYesFinding(run: PackageCommand): Finding {
  return {
    start: run.sub.start,
    end: run.sub.end,
    message: `\`${run.name} ${run.verb}\` without \`-y\` waits for a confirmation that never comes in a build.`,
    fixes: [{ title: 'Add -y', edits: [{ start: run.sub.end, end: run.sub.end, newText: ' -y' }], preferred: true }],
  };
}
