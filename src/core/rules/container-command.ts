/**
 * What a container's start command reveals about the talk's practices, shared by the Kubernetes and
 * Compose rules: one process per container (no sshd, no supervisor, nothing left running in the
 * background), and configuration supplied from outside instead of written into files at start.
 *
 * `sh -c` scripts are read with the shared shell parser, and processes are classified by the same
 * table as the Dockerfile rules (`multiple-processes`), so a CMD and a pod `command` are judged alike.
 */
import { parseShellScript } from '../shell';
import type { ShellCommand } from '../shell';
import { commandName, startsBackgroundProcess, SUPERVISORS } from '../containers/processes';

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh']);

/** Splits a command written as one string the way compose does (shell-like words, quotes removed). */
export function splitCommandLine(line: string): string[] {
  const words: string[] = [];
  let current = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"' && i + 1 < line.length) current += line[++i];
      else current += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < line.length) {
      current += line[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
    } else {
      current += c;
      inWord = true;
    }
  }
  if (inWord) words.push(current);
  return words;
}

/** The argv of `command` + `args` (each a list or, in compose, a string); undefined when neither is set. */
export function argvOf(...parts: unknown[]): string[] | undefined {
  let argv: string[] | undefined;
  for (const part of parts) {
    if (typeof part === 'string') argv = [...(argv ?? []), ...splitCommandLine(part)];
    else if (Array.isArray(part)) argv = [...(argv ?? []), ...part.map((p) => (typeof p === 'string' ? p : String(p)))];
  }
  return argv;
}

/** Longer scripts are generated rather than written; they are not inspected. */
const MAX_SCRIPT_LENGTH = 64 * 1024;

/** The script of `sh -c '<script>'` (also `-ec`, `-xc`), or undefined when argv is not a shell script. */
export function shellScriptOf(argv: readonly string[]): string | undefined {
  if (argv.length < 2 || !SHELLS.has(baseName(argv[0]))) return undefined;
  for (let i = 1; i < argv.length - 1; i++) {
    if (/^-[a-z]*c[a-z]*$/.test(argv[i])) return argv[i + 1].length <= MAX_SCRIPT_LENGTH ? argv[i + 1] : undefined;
    if (!argv[i].startsWith('-')) return undefined;
  }
  return undefined;
}

/** Programs that run several processes, or a login daemon nobody needs in a container. */
function isMultiProcessProgram(name: string | undefined): name is string {
  return name !== undefined && (SUPERVISORS.has(name) || name === 'sshd');
}

/** Why the command starts more than one long-running process, or undefined when it does not. */
export function multiProcessReason(argv: readonly string[]): string | undefined {
  const program = argv[0] !== undefined ? baseName(argv[0]) : undefined;
  if (isMultiProcessProgram(program)) return `it runs \`${program}\``;
  const commands = scriptCommands(argv);
  if (!commands) return undefined;
  const supervisor = commands.map(commandName).find(isMultiProcessProgram);
  if (supervisor) return `its script runs \`${supervisor}\``;
  // As the Dockerfile rule: a process left running (`a &`, `service x start`, a self-daemonising
  // server) counts only when the script then goes on to start something else.
  const index = commands.findIndex(startsBackgroundProcess);
  if (index === -1) return undefined;
  const first = commands[index];
  const later = commands.slice(index + 1).filter((c) => !(first.background && c.background && c.statementIndex === first.statementIndex));
  return later.length > 0 ? `\`${commandName(first)}\` keeps running in the background` : undefined;
}

const CONFIG_PATH = /^(?:\/etc\/.+|.+\.(?:conf|cfg|cnf|ini|ya?ml|json|properties|toml|xml|env))$/;
const WRITES_LITERAL_TEXT = new Set(['echo', 'printf']);

/**
 * The config file a start-up script writes literal text into (`echo "port=80" > /etc/app.conf`,
 * `cat <<EOF > app.yaml`, `printf … | tee app.ini`), or undefined. Rendering a file from the
 * environment (`envsubst < t > f`) is configuration through the environment and does not count.
 */
export function configFileWrittenBy(argv: readonly string[]): string | undefined {
  const commands = scriptCommands(argv);
  if (!commands) return undefined;
  for (let i = 0; i < commands.length; i++) {
    const command = commands[i];
    if (writesLiteralText(command)) {
      const target = command.redirects.find((r) => (r.op === '>' || r.op === '>>' || r.op === '>|') && r.target?.literal && CONFIG_PATH.test(r.target.value));
      if (target?.target) return target.target.value;
    }
    if (commandName(command) === 'tee' && command.precededBy === '|' && i > 0 && writesLiteralText(commands[i - 1])) {
      const file = command.args.find((a) => !a.value.startsWith('-') && a.literal && CONFIG_PATH.test(a.value));
      if (file) return file.value;
    }
  }
  return undefined;
}

function writesLiteralText(command: ShellCommand): boolean {
  const name = commandName(command);
  if (name !== undefined && WRITES_LITERAL_TEXT.has(name)) return true;
  return name === 'cat' && command.redirects.some((r) => r.op === '<<' || r.op === '<<-' || r.op === '<<<');
}

/** The commands of a `sh -c` script, or undefined when argv is not one or the script does not parse. */
function scriptCommands(argv: readonly string[]): ShellCommand[] | undefined {
  const script = shellScriptOf(argv);
  if (script === undefined) return undefined;
  const parsed = parseShellScript(script);
  return parsed.error ? undefined : parsed.commands.filter((c) => c.name);
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
