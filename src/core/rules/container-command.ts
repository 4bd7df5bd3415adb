/**
 * What a container's start command reveals about the talk's practices, shared by the Kubernetes and
 * Compose rules: one process per container (no sshd, no supervisor, no `a & b` in a shell), and
 * configuration supplied from outside instead of written into files when the container starts.
 */

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh']);
/** Programs whose job is to run several processes, or a login daemon nobody needs in a container. */
const MULTI_PROCESS_PROGRAMS = new Set(['sshd', 'supervisord', 'runsvdir', 's6-svscan', 'circusd', 'honcho', 'foreman']);

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

/** Longer scripts are not inspected: they are rare, and the heuristics below must stay cheap. */
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

/** Why the command starts more than one long-running process, or undefined when it does not. */
export function multiProcessReason(argv: readonly string[]): string | undefined {
  const program = argv[0] !== undefined ? baseName(argv[0]) : undefined;
  if (program && MULTI_PROCESS_PROGRAMS.has(program)) return `it runs \`${program}\``;
  const script = shellScriptOf(argv);
  if (script === undefined) return undefined;
  const code = stripQuotedText(script);
  for (const word of code.split(/[\s;&|()]+/)) {
    if (MULTI_PROCESS_PROGRAMS.has(baseName(word))) return `its script runs \`${baseName(word)}\``;
  }
  // A lone `&` backgrounds a process; `&&`, `>&2`, `&>` and `|&` do not.
  if (/(^|[^&>|<])&(?![&>])/.test(code)) return 'its script starts a process in the background with `&`';
  return undefined;
}

/**
 * The config file a start-up script writes literal text into (`echo "port=80" > /etc/app.conf`,
 * `cat <<EOF > app.yaml`), or undefined. Rendering a file from the environment (`envsubst < t > f`)
 * is configuration through the environment, so only echo, printf and heredocs count.
 */
export function configFileWrittenBy(argv: readonly string[]): string | undefined {
  const script = shellScriptOf(argv);
  if (script === undefined) return undefined;
  // The path classes exclude `<` and `>`, so each match attempt stops at the next redirection
  // and the search stays linear however many `>` a script has.
  const target = /(?:>>?|\|[ \t]*tee(?:[ \t]+-a)?)[ \t]*["']?((?:\/etc\/[^\s"';|&<>]+)|(?:[^\s"';|&<>]+\.(?:conf|cfg|cnf|ini|ya?ml|json|properties|toml|xml|env)))(?=["'\s;|&<>]|$)/;
  for (const command of script.split(/&&|\|\||[;\n]/)) {
    if (!/^\s*(?:echo|printf|cat\s*<<)/.test(command)) continue;
    const match = target.exec(command);
    if (match) return match[1];
  }
  return undefined;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * Removes quoted strings so that `echo "a & b"` is not mistaken for a background job. A scan rather
 * than a regular expression: an unterminated quote must not make the search quadratic.
 */
function stripQuotedText(script: string): string {
  let result = '';
  let quote: string | undefined;
  for (let i = 0; i < script.length; i++) {
    const c = script[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) {
        quote = undefined;
        result += '""';
      }
    } else if (c === '"' || c === "'") quote = c;
    else result += c;
  }
  return result;
}
