import type { DockerfileRule } from '../check/rule';

const SIGNALS = new Set(['HUP', 'INT', 'QUIT', 'ILL', 'TRAP', 'ABRT', 'IOT', 'BUS', 'FPE', 'KILL', 'USR1', 'SEGV', 'USR2', 'PIPE', 'ALRM', 'TERM', 'STKFLT', 'CHLD', 'CONT', 'STOP', 'TSTP', 'TTIN', 'TTOU', 'URG', 'XCPU', 'XFSZ', 'VTALRM', 'PROF', 'WINCH', 'IO', 'POLL', 'PWR', 'SYS']);

/** STOPSIGNAL decides how the single process is asked to stop; an unknown name fails `docker build`. */
const rule: DockerfileRule = {
  meta: {
    id: 'stopsignal-invalid',
    domain: 'dockerfile',
    defaultSeverity: 'error',
    description: 'STOPSIGNAL must be a signal name (SIGTERM, SIGQUIT, ...) or number.',
    practice: 'single-process',
    aliases: ['INVALID_SIGNAL'],
  },
  check({ model, report }) {
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'STOPSIGNAL' || !instruction.args[0]) continue;
      const value = instruction.args[0].value;
      if (value.includes('$') || /^\d+$/.test(value) || /^SIGRTM(IN|AX)([+-]\d+)?$/.test(value)) continue;
      if (value.startsWith('SIG') && SIGNALS.has(value.slice(3))) continue;
      report({ start: instruction.args[0].start, end: instruction.args[0].end, message: `\`${value}\` is not a signal; use a name like \`SIGTERM\` or a number.` });
    }
  },
};
export default rule;
