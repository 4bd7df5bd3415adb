import type { DockerfileRule } from '../check/rule';

/** `EXPOSE 22` advertises an SSH server: a second process and an attack surface containers do not need. */
const rule: DockerfileRule = {
  meta: {
    id: 'expose-ssh-port',
    domain: 'dockerfile',
    defaultSeverity: 'warning',
    description: 'Images should not expose the SSH port 22.',
    practice: 'single-process',
    aliases: ['CKV_DOCKER_1'],
  },
  check({ model, report }) {
    const final = model.stages.at(-1);
    for (const instruction of final?.instructions ?? []) {
      if (instruction.keyword !== 'EXPOSE') continue;
      for (const arg of instruction.args) {
        if (/^22(\/tcp)?$/i.test(arg.value)) report({ start: arg.start, end: arg.end, message: 'Port 22 is SSH; containers are reached with `docker exec`, not ssh.' });
      }
    }
  },
};
export default rule;
