/**
 * YAML text -> Go values as Helm reads values files and Chart.yaml (sigs.k8s.io/yaml: YAML 1.1 ->
 * JSON -> map[string]any, every number a float64). The decoding itself is the shared go-yaml port
 * (`../goyaml`); this module only adds what the loader needs: Helm 4 merges every document of a
 * values file, Helm 3 reads the first one.
 */
import type { GoMap } from '../../gotemplate/values';
import { parseYamlValues, parseYamlValuesAndFirst } from '../goyaml';

export interface ValuesFile {
  /** All documents deep-merged (Helm 4). */
  values: GoMap;
  /** The first document alone (Helm 3), only when the file has more than one document (a copy: no shared objects). */
  firstDocument?: GoMap;
}

/** One parse: all documents merged, and the first alone when there are several. */
export function readValuesFile(text: string): ValuesFile {
  return parseYamlValuesAndFirst(text);
}

/** One YAML map (the first document), as Chart.yaml and requirements.yaml are read. */
export function parseYamlMap(text: string): GoMap {
  return parseYamlValues(text, { firstDocumentOnly: true });
}
