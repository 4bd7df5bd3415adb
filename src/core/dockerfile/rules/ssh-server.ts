import type { DockerfileRule } from '../check/rule';
import { installedPackages } from './util/package-managers';
import { runtimeInstructions } from './util/runtime';

const SSH_SERVERS = new Set(['openssh-server', 'openssh', 'dropbear', 'openssh-sftp-server']);

/**
 * "No, you don't need ssh": `docker exec` (or `kubectl exec`) opens a shell in any container. An SSH
 * server adds a second process, keys to manage and an open port. Only the final stage counts: a
 * builder stage may need ssh to fetch private repositories. SFTP or Git-over-SSH images, where SSH is
 * the product, switch the rule off for the file.
 */
const rule: DockerfileRule = {
  meta: {
    id: 'ssh-server',
    domain: 'dockerfile',
    defaultSeverity: 'warning',
    description: 'The final image should not install or run an SSH server; use `docker exec` or `kubectl exec` instead.',
    practice: 'single-process',
  },
  check({ model, report }) {
    const final = model.stages.at(-1);
    if (!final) return;
    for (const pkg of installedPackages(final.instructions)) {
      if (SSH_SERVERS.has(pkg.name)) report({ start: pkg.word.start, end: pkg.word.end, message: `\`${pkg.name}\` puts an SSH server in the image; open a shell with \`docker exec\` instead.` });
    }
    for (const instruction of runtimeInstructions(final)) {
      const words = instruction.execForm ?? instruction.shell?.commands.flatMap((c) => (c.name ? [c.name] : [])) ?? [];
      const sshd = words.find((w) => /^(sshd|dropbear)$/.test(w.value.split('/').pop() ?? ''));
      if (sshd) report({ start: sshd.start, end: sshd.end, message: 'The container runs an SSH server; run the application instead and use `docker exec` for a shell.' });
    }
  },
};
export default rule;
