/**
 * What a container's command reveals, shared by the Dockerfile, Kubernetes and Compose rules: the
 * program behind wrappers (`sudo`, `env X=1`, `exec`, `gosu user`), and whether it is a daemon, a
 * supervisor, a keep-alive hack or something that leaves a process running in the background.
 */
import type { ShellCommand, ShellWord } from '../shell';

const WRAPPERS = new Set(['sudo', 'env', 'exec', 'nice', 'nohup', 'time', 'command', 'doas', 'su-exec', 'gosu', 'chroot', 'setpriv']);

/** Unwraps `sudo -E apt-get ...` to `apt-get ...`; `gosu user cmd` and `su-exec user cmd` drop their user argument. */
export function unwrap(command: ShellCommand): { nameWord: ShellWord; args: ShellWord[] } | undefined {
  if (!command.name) return undefined;
  let words = [command.name, ...command.args];
  for (let guard = 0; guard < 5 && words.length; guard++) {
    const base = basename(words[0].value);
    if (!WRAPPERS.has(base)) break;
    words = words.slice(1);
    while (words.length && (words[0].value.startsWith('-') || (base === 'env' && words[0].value.includes('=')))) words = words.slice(1);
    if ((base === 'gosu' || base === 'su-exec' || base === 'chroot') && words.length) words = words.slice(1);
  }
  if (!words.length) return undefined;
  return { nameWord: words[0], args: words.slice(1) };
}

export function basename(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? path : path.slice(slash + 1);
}

/** Programs that are process supervisors or init systems running several services. */
export const SUPERVISORS = new Set(['supervisord', 'supervisorctl', 's6-svscan', 'runsvdir', 'my_init', 'circusd', 'pm2', 'systemd', 'init', 's6-overlay', 'forego', 'honcho', 'overmind']);

/** Programs that are (usually) long-running servers or daemons when started without `-v`/`--version`. */
export const DAEMONS = new Set([
  'nginx', 'httpd', 'apache2', 'apachectl', 'php-fpm', 'php-fpm7', 'php-fpm8', 'sshd', 'dropbear', 'mysqld', 'mysqld_safe', 'mongod',
  'postgres', 'redis-server', 'memcached', 'cron', 'crond', 'rsyslogd', 'syslogd', 'dockerd', 'gunicorn', 'uwsgi', 'uvicorn',
  'node', 'java', 'python', 'python3', 'ruby', 'rails', 'puma', 'unicorn', 'dotnet', 'npm', 'yarn', 'flask', 'celery',
  'lighttpd', 'haproxy', 'named', 'vsftpd', 'postfix', 'dovecot', 'caddy', 'traefik', 'envoy', 'consul', 'vault', 'nomad',
]);

/** `tail -f /dev/null`, `sleep infinity`, `sleep 99999`: commands whose only job is to keep PID 1 alive. */
export function isKeepAlive(command: ShellCommand): boolean {
  const unwrapped = unwrap(command);
  if (!unwrapped) return false;
  const name = basename(unwrapped.nameWord.value);
  const args = unwrapped.args.map((a) => a.value);
  if (name === 'tail' && args.some((a) => a === '-f' || a === '-F') && args.includes('/dev/null')) return true;
  if (name === 'sleep' && args.length === 1 && (args[0] === 'infinity' || /^\d{5,}$/.test(args[0]))) return true;
  return false;
}

/** `service x start`, `/etc/init.d/x start`, `systemctl start x`: an init system's way of starting a daemon. */
export function isServiceStart(command: ShellCommand): boolean {
  const unwrapped = unwrap(command);
  if (!unwrapped) return false;
  const name = unwrapped.nameWord.value;
  const args = unwrapped.args.map((a) => a.value);
  if (basename(name) === 'service' && /^(start|restart)$/.test(args[1] ?? '')) return true;
  if (name.startsWith('/etc/init.d/') && /^(start|restart)$/.test(args[0] ?? '')) return true;
  return basename(name) === 'systemctl' && /^(start|restart|enable)$/.test(args[0] ?? '');
}

/**
 * True when the command leaves a process running after it returns: `cmd &`, `service x start`, or a
 * daemon started in its default, self-daemonising mode (`nginx` without `daemon off;`, `cron`, `sshd`
 * without `-D`, `php-fpm -D`, `redis-server --daemonize yes`).
 */
export function startsBackgroundProcess(command: ShellCommand): boolean {
  if (command.background) return !isKeepAlive(command);
  if (isServiceStart(command)) return true;
  const unwrapped = unwrap(command);
  if (!unwrapped) return false;
  const name = basename(unwrapped.nameWord.value);
  const args = unwrapped.args.map((a) => a.value);
  const joined = args.join(' ');
  switch (name) {
    case 'nginx':
      return !/daemon\s+off/.test(joined) && !args.some((a) => a === '-t' || a === '-v' || a === '-V' || a === '-s');
    case 'cron':
    case 'crond':
      return !args.some((a) => /^-[a-zA-Z]*[fn]/.test(a));
    case 'sshd':
      return !args.some((a) => /^-[a-zA-Z]*D/.test(a)) && !args.includes('-t');
    case 'rsyslogd':
      return !args.includes('-n');
    case 'php-fpm':
    case 'php-fpm7':
    case 'php-fpm8':
      return args.includes('-D') || args.includes('--daemonize');
    case 'apachectl':
    case 'httpd':
    case 'apache2ctl':
      return /(^|\s)(-k\s+)?start\b/.test(joined);
    case 'redis-server':
      return /--daemonize\s+yes/.test(joined);
    case 'supervisord':
      return !args.some((a) => a === '-n' || a === '--nodaemon');
    default:
      return false;
  }
}

export function commandName(command: ShellCommand): string | undefined {
  const unwrapped = unwrap(command);
  return unwrapped ? basename(unwrapped.nameWord.value) : undefined;
}
