import type { DockerfileRule, RuleContext } from '../check/rule';
import type { ShellWord } from '../parse/shell';
import type { InstructionNode } from '../model/types';
import { cachedRunCommands } from './util/run-index';
import { isLiteralSecretValue } from '../../rules/secret-values';
import type { RunCommand } from './util/commands';

/**
 * A password set in a RUN (`echo 'root:toor' | chpasswd`, `useradd -p <hash>`, `--password=secret`)
 * is written in the Dockerfile and in the image history (`docker history` shows every RUN line and the
 * build args it used), and the account it opens is the same in every container of the image. A
 * container needs no login password: drop it, or set it at run time from a secret.
 *
 * Reported when the password comes from the RUN line itself: literal text, or `$VAR` of an ARG/ENV (whose
 * value the history also keeps). A value computed at build (`$(openssl rand -base64 12)`) or read from
 * a file (`chpasswd < /run/secrets/pw`) is not.
 */
const rule: DockerfileRule = {
  meta: {
    id: 'password-set-at-build',
    domain: 'dockerfile',
    defaultSeverity: 'error',
    description: 'Passwords should not be set in a RUN (`chpasswd`, `passwd`, `useradd -p`, `--password`): they stay in the image history.',
    practice: 'security',
  },
  check(context) {
    const runs = cachedRunCommands(context.model.instructions);
    runs.forEach((run, i) => {
      const previous = runs[i - 1];
      const piped =
        previous &&
        previous.instruction === run.instruction &&
        run.command.precededBy === '|' &&
        previous.command.statementIndex === run.command.statementIndex &&
        previous.command.depth === run.command.depth
          ? previous
          : undefined;
      if (run.name === 'chpasswd' || (run.name === 'passwd' && readsStdin(run, piped))) checkStdin(context, run, piped);
      if (run.name === 'useradd' || run.name === 'usermod') checkOption(context, run, ['-p', '--password'], 'password hash', true);
      else if (run.name === 'openssl' && run.args[0]?.value === 'passwd') checkOpensslPasswd(context, run);
      // mysql's `--password[=pw]` takes its value attached only: `--password db` prompts and names a database.
      else checkOption(context, run, ['--password', '--passwd'], 'password', !MYSQL.test(run.name));
      if (MYSQL.test(run.name)) checkMysqlShortPassword(context, run);
    });
    // `PGPASSWORD=secret psql ...`, `export DB_PASSWORD=secret`: a literal secret assigned in the RUN.
    for (const instruction of context.model.instructions) {
      const target = instruction.keyword === 'RUN' ? instruction : instruction.onbuild?.keyword === 'RUN' ? instruction.onbuild : undefined;
      for (const command of target?.shell?.commands ?? []) {
        for (const assignment of command.assignments) {
          if (isPasswordVariable(assignment.name) && isLiteralSecretValue(assignment.value)) report(context, assignment, `\`${assignment.name}\` is given a password written in this RUN`);
        }
      }
    }
  },
};

/**
 * Password variables only (`DB_PASSWORD`, `PGPASSWORD`, `MYSQL_PWD`; not `PWD`, the working directory):
 * shell variables named `key` or `*_TOKEN` in a RUN are mostly public (`key=<GPG fingerprint>`).
 * Names that point at a password (`*_FILE`, `*_PATH`) are not passwords.
 */
function isPasswordVariable(name: string): boolean {
  return /PASSWORD|PASSWD|PASSPHRASE|(^|_)PWD$/i.test(name) && name.toUpperCase() !== 'PWD' && !/_(FILE|PATH|DIR|URL|LENGTH|POLICY|HASH_ALGORITHM)$/i.test(name);
}

const MYSQL = /^(mysql|mariadb|mysqladmin|mysqldump|mariadb-dump|mariadb-admin)$/;

/** `mysql -uroot -psecret`: mysql's `-p` takes the password attached (`-p` alone prompts). */
function checkMysqlShortPassword(context: RuleContext, run: RunCommand): void {
  for (const arg of run.args) {
    if (/^-p.+/.test(arg.value) && inDockerfile(arg, run.instruction)) report(context, arg, `\`${run.name} -p\` gives a password written in this RUN`);
  }
}

/** `passwd` reads the new password from stdin with `--stdin` (RHEL) or when something is piped into it. */
function readsStdin(run: RunCommand, piped: RunCommand | undefined): boolean {
  return piped !== undefined || run.args.some((a) => a.value === '--stdin') || run.command.redirects.some((r) => r.op === '<<<' || r.op === '<<' || r.op === '<<-');
}

/** The text `chpasswd`/`passwd` reads: echoed or printed into the pipe, a here-string, or a heredoc body. */
function checkStdin(context: RuleContext, run: RunCommand, piped: RunCommand | undefined): void {
  const words: ShellWord[] = [];
  if (piped && (piped.name === 'echo' || piped.name === 'printf')) words.push(...piped.args.filter((a) => !/^-[neE]+$/.test(a.value)));
  for (const redirect of run.command.redirects) if (redirect.op === '<<<' && redirect.target) words.push(redirect.target);
  const heredoc = run.command.redirects.some((r) => r.op === '<<' || r.op === '<<-');
  const leaked = words.find((w) => inDockerfile(w, run.instruction));
  if (leaked) {
    report(context, leaked, `\`${run.name}\` sets a password written in this RUN`);
  } else if (heredoc && !words.length) {
    report(context, run.nameWord, `\`${run.name}\` sets a password written in this RUN's heredoc`);
  }
}

/** `useradd -p HASH`, `--password=secret`: the option's value, when it is in the Dockerfile. */
function checkOption(context: RuleContext, run: RunCommand, options: readonly string[], what: string, separateValue: boolean): void {
  run.args.forEach((arg, i) => {
    const long = options.find((o) => o.startsWith('--') && arg.value.startsWith(`${o}=`));
    if (long) {
      const value = arg.value.slice(long.length + 1);
      if (value && inDockerfile(arg, run.instruction)) report(context, arg, `\`${long}\` gives a ${what} written in this RUN`);
      return;
    }
    if (!separateValue || !options.includes(arg.value)) return;
    const value = run.args[i + 1];
    if (value && !value.value.startsWith('-') && inDockerfile(value, run.instruction)) report(context, value, `\`${arg.value}\` gives a ${what} written in this RUN`);
  });
}

/** `openssl passwd -6 secret` (often inside `useradd -p "$(...)"`): the last operand is the password. */
function checkOpensslPasswd(context: RuleContext, run: RunCommand): void {
  const withValue = new Set(['-salt', '-in']);
  const args = run.args.slice(1);
  if (args.some((a) => a.value === '-stdin' || a.value === '-in')) return;
  const operands = args.filter((a, i) => !a.value.startsWith('-') && !withValue.has(args[i - 1]?.value ?? ''));
  const password = operands.at(-1);
  if (password && inDockerfile(password, run.instruction)) report(context, password, '`openssl passwd` hashes a password written in this RUN');
}

/**
 * True when the word's text is in the Dockerfile or its history: literal, or only `$NAME` expansions
 * of ARG/ENV variables (no command substitution, no shell variable computed at build).
 */
function inDockerfile(word: ShellWord, instruction: InstructionNode): boolean {
  if (word.literal) return word.value.trim() !== '';
  const names = [...word.value.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]);
  if (!names.length || /\$\(|`/.test(word.value)) return false;
  return names.every((name) => instruction.stage?.variables.lookup(name, instruction.index).defined);
}

function report(context: RuleContext, at: { start: number; end: number }, what: string): void {
  context.report({
    start: at.start,
    end: at.end,
    message: `${what}: it stays in the image history, and every container of the image opens with it. Containers need no login password; drop it or set it at run time from a secret.`,
  });
}

export default rule;
