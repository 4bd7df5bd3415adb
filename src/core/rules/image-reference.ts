/**
 * Splits a container image reference (`registry:5000/team/app:1.2@sha256:…`) far enough to tell
 * whether it pins a version, the check hadolint calls DL3006/DL3007 and kube-linter `latest-tag`.
 */

export interface ImageReference {
  repository: string;
  tag?: string;
  digest?: string;
}

export function parseImageReference(reference: string): ImageReference {
  let rest = reference.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  const colon = rest.lastIndexOf(':');
  // A colon before the last slash is a registry port, not a tag.
  if (colon > rest.lastIndexOf('/')) return { repository: rest.slice(0, colon), tag: rest.slice(colon + 1), digest };
  return { repository: rest, digest };
}

/** Why the image floats (`latest` or no tag), or undefined when it is pinned or cannot be judged. */
export function floatingImageReason(reference: string): 'latest' | 'untagged' | undefined {
  // Templated or interpolated references are resolved elsewhere; judging them would be a guess.
  if (reference.includes('${') || reference.includes('{{') || reference.trim() === '') return undefined;
  const image = parseImageReference(reference);
  if (image.digest) return undefined;
  if (image.tag === undefined || image.tag === '') return 'untagged';
  return image.tag === 'latest' ? 'latest' : undefined;
}
