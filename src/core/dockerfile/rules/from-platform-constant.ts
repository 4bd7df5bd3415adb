import { flagOf, type DockerfileRule } from '../check/rule';

/**
 * `FROM --platform=linux/amd64` pins the stage to one architecture, so multi-platform builds (and
 * builds on arm64 laptops) get the wrong image. Variables (`$BUILDPLATFORM`) are fine; so is a
 * stage whose name says which platform it is for (`AS build-arm64`), as BuildKit allows.
 */
const rule: DockerfileRule = {
  meta: {
    id: 'from-platform-constant',
    domain: 'dockerfile',
    defaultSeverity: 'warning',
    description: '`FROM --platform` should use a build argument such as `$BUILDPLATFORM`, not a constant.',
    practice: 'reproducibility',
    aliases: ['DL3029', 'FromPlatformFlagConstDisallowed'],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      if (stage.implicit) continue; // a fragment has no FROM
      const platform = flagOf(stage.from, 'platform');
      if (!platform?.value || platform.valueStart === undefined || platform.value.includes('$')) continue;
      const [os, arch] = platform.value.toLowerCase().split('/');
      const name = stage.name?.value ?? '';
      if (name && ((os && name.includes(os)) || (arch && name.includes(arch)))) continue;
      report({
        start: platform.valueStart,
        end: platform.valueStart + platform.value.length,
        message: `\`--platform=${platform.value}\` fixes the platform; use \`$BUILDPLATFORM\` or \`$TARGETPLATFORM\` so multi-platform builds work.`,
      });
    }
  },
};
export default rule;
