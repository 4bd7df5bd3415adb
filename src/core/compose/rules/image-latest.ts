/**
 * Services must run a pinned image: `:latest` or no tag gives a different image on every pull. A
 * service that also has `build` names the image it builds, so a missing tag is not judged; an
 * explicit `:latest` is, since `docker compose pull` (and `up` on a machine that has not built it
 * yet) fetches whatever `name:latest` means in the registry instead of building.
 */
import { asString } from '../../rules/yaml-values';
import { floatingImageReason } from '../../rules/image-reference';
import type { ComposeRule } from '../rule';

export const imageLatest: ComposeRule = {
  meta: {
    id: 'compose-image-latest',
    domain: 'compose',
    defaultSeverity: 'warning',
    description: 'Service images must be pinned to a version tag or digest, not `:latest` or untagged.',
    practice: 'reproducibility',
    aliases: ['latest-tag'],
  },
  check(project, report) {
    for (const service of project.services) {
      const image = asString(service.value.image);
      if (image === undefined) continue;
      const reason = floatingImageReason(image);
      if (!reason || (reason === 'untagged' && service.value.build !== undefined)) continue;
      const what = reason === 'latest' ? 'uses the `latest` tag' : 'has no tag, so it means `latest`';
      report({ path: [...service.path, 'image'], message: `Image \`${image}\` of service "${service.name}" ${what}; pin a version or digest.` });
    }
  },
};
