/** Splits an image reference (`registry:5000/org/name:tag@sha256:...`) the way Docker's reference grammar does. */

export interface ImageRef {
  /** Registry host, when the first path component looks like one (has `.` or `:`, or is `localhost`). */
  registry?: string;
  /** Repository path without registry, e.g. `library/node` is written `node`. */
  repository: string;
  tag?: string;
  digest?: string;
  /** Offsets of tag and digest inside the reference string (after the `:` / `@`). */
  tagOffset?: number;
  digestOffset?: number;
}

export function parseImageRef(reference: string): ImageRef {
  let rest = reference;
  let digest: string | undefined;
  let digestOffset: number | undefined;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    digestOffset = at + 1;
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  let tagOffset: number | undefined;
  const lastColon = rest.lastIndexOf(':');
  if (lastColon > rest.lastIndexOf('/')) {
    tag = rest.slice(lastColon + 1);
    tagOffset = lastColon + 1;
    rest = rest.slice(0, lastColon);
  }
  let registry: string | undefined;
  const slash = rest.indexOf('/');
  if (slash !== -1) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first;
      rest = rest.slice(slash + 1);
    }
  }
  return { registry, repository: rest, tag, digest, tagOffset, digestOffset };
}

/** True when the repository is an official Docker Hub image or one of the well-known hubs' path. */
export function repositoryBaseName(repository: string): string {
  const slash = repository.lastIndexOf('/');
  return slash === -1 ? repository : repository.slice(slash + 1);
}
