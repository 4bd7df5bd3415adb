/** Which checker a file belongs to, by its name (YAML files are further told apart by content). */

const DOCKERFILE_NAME = /^(?:(?:docker|container)file(?:\..+)?|.+\.(?:docker|container)file)$/i;

/** `Dockerfile`, `Dockerfile.prod`, `api.Dockerfile`, `Containerfile`, case-insensitively. */
export function isDockerfileName(fileName: string): boolean {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return DOCKERFILE_NAME.test(base);
}

export function isYamlName(fileName: string): boolean {
  return /\.ya?ml$/i.test(fileName);
}
