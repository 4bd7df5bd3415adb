import { flagOf, type DockerfileRule } from '../check/rule';
import { parseImageRef } from '../../containers/image-ref';

/**
 * With `trustedRegistries` configured, every image the build pulls (FROM, `COPY --from=image`,
 * `RUN --mount=from=image`) must come from one of them. Stages and unresolved variables are skipped.
 */
const rule: DockerfileRule = {
  meta: {
    id: 'untrusted-registry',
    domain: 'dockerfile',
    defaultSeverity: 'error',
    description: 'Images must come from a registry listed in `trustedRegistries` (when configured).',
    practice: 'security',
    aliases: ['DL3026'],
  },
  check({ model, options, report }) {
    const trusted = options.trustedRegistries ?? [];
    if (!trusted.length) return;
    const check = (reference: string, start: number, end: number) => {
      if (reference.includes('$') || reference === 'scratch' || model.stageByName.has(reference.toLowerCase())) return;
      const registry = registryOf(reference);
      if (trusted.some((t) => matches(registry, t))) return;
      report({
        start,
        end,
        message: `\`${reference}\` comes from \`${registry}\`, which is not a trusted registry (${trusted.map((t) => `\`${t}\``).join(', ')}).`,
      });
    };
    for (const stage of model.stages) {
      if (stage.image && stage.resolvedImage !== undefined && !stage.baseStage) check(stage.resolvedImage, stage.image.start, stage.image.end);
      for (const instruction of stage.instructions) {
        const from = instruction.keyword === 'COPY' || instruction.keyword === 'ADD' ? flagOf(instruction, 'from') : undefined;
        if (from?.value && from.valueStart !== undefined && !/^\d+$/.test(from.value)) check(from.value, from.valueStart, from.valueStart + from.value.length);
        for (const mount of instruction.keyword === 'RUN' ? instruction.flags.filter((f) => f.name.toLowerCase() === 'mount' && f.value) : []) {
          const match = /(?:^|,)from=([^,]+)/.exec(mount.value!);
          if (!match || mount.valueStart === undefined || /^\d+$/.test(match[1])) continue;
          const start = mount.valueStart + match.index + match[0].indexOf('from=') + 5;
          check(match[1], start, start + match[1].length);
        }
      }
    }
  },
};

function registryOf(reference: string): string {
  return parseImageRef(reference).registry ?? 'docker.io';
}

/** `docker.io` also covers its aliases; `*.example.com` covers every subdomain; `*` alone, every registry (as in hadolint). */
function matches(registry: string, trusted: string): boolean {
  const hub = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'hub.docker.com']);
  const t = trusted.toLowerCase();
  const r = registry.toLowerCase();
  if (hub.has(t) && hub.has(r)) return true;
  if (t === '*') return true;
  if (t.startsWith('*.')) return r.endsWith(t.slice(1));
  return r === t;
}

export default rule;
