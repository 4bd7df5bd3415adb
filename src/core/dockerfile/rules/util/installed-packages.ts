/**
 * Packages installed by a RUN command, for the common package managers: the operands after the
 * install subcommand, with version suffixes split off.
 */
import type { ShellWord } from '../../parse/shell';
import type { RunCommand } from './commands';

const INSTALL_SUBCOMMANDS: Record<string, string[]> = {
  'apt-get': ['install'],
  apt: ['install'],
  aptitude: ['install'],
  apk: ['add'],
  yum: ['install'],
  dnf: ['install'],
  microdnf: ['install'],
  zypper: ['install', 'in'],
  pacman: ['-S', '-Sy', '-Syu'],
  pip: ['install'],
  pip3: ['install'],
  npm: ['install', 'i', 'add'],
  gem: ['install'],
};

export interface InstalledPackage {
  name: string;
  word: ShellWord;
}

/** Options of these managers that take a value, so the value is not mistaken for a package. */
const OPTIONS_WITH_VALUE = new Set(['-t', '--target-release', '-o', '--option', '-c', '--virtual', '-X', '--repository', '-r', '--requirement', '-i', '--index-url', '--extra-index-url', '-e', '--editable', '--setopt', '--enablerepo', '--disablerepo']);

export function installedPackages(run: RunCommand): InstalledPackage[] {
  const subcommands = INSTALL_SUBCOMMANDS[run.name];
  if (!subcommands) return [];
  const result: InstalledPackage[] = [];
  let seenSubcommand = false;
  for (let i = 0; i < run.args.length; i++) {
    const value = run.args[i].value;
    if (!seenSubcommand) {
      if (subcommands.includes(value)) seenSubcommand = true;
      else if (OPTIONS_WITH_VALUE.has(value)) i++;
      continue;
    }
    if (value.startsWith('-')) {
      if (OPTIONS_WITH_VALUE.has(value)) i++;
      continue;
    }
    const name = value.split(/[=<>~@]|:(?=[^/])/)[0].toLowerCase();
    if (name) result.push({ name, word: run.args[i] });
  }
  return result;
}
