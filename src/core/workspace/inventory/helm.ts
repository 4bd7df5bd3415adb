/** A Helm chart's Chart.yaml as the tree shows it: name, version, declared dependencies with their lines. */
import { asArray, asRecord, asScalarText, asString } from '../../rules/yaml-values';
import { rangeOfPath } from '../../yaml/parse';
import type { ParsedYamlFile } from '../../yaml/parse';
import type { ChartDependencyEntry, SourceSpan } from './types';

export interface ChartMetadataEntry {
  name: string;
  version?: string;
  type?: string;
  dependencies: ChartDependencyEntry[];
  at: SourceSpan;
}

export function readChartYaml(path: string, file: ParsedYamlFile, dir: string): ChartMetadataEntry {
  const value = asRecord(file.documents[0]?.value) ?? {};
  const span = (p: (string | number)[], target: 'key' | 'value' = 'value'): SourceSpan => {
    const range = rangeOfPath(file, 0, p, target);
    return { path, line: range.start.line, character: range.start.character, endLine: range.end.line };
  };
  const whole = file.lines.rangeOf(0, file.text.length);
  const dependencies = asArray(value.dependencies).flatMap((raw, i): ChartDependencyEntry[] => {
    const dep = asRecord(raw);
    const name = asString(dep?.name);
    if (!dep || !name) return [];
    return [{ name, version: asScalarText(dep.version), repository: asString(dep.repository), alias: asString(dep.alias), at: span(['dependencies', i, 'name']) }];
  });
  return {
    // An unnamed chart is still a chart the user is writing: show its folder.
    name: asString(value.name) ?? dir.slice(dir.lastIndexOf('/') + 1),
    version: asScalarText(value.version),
    type: asString(value.type),
    dependencies,
    at: { ...span(value.name !== undefined ? ['name'] : [], 'key'), startLine: 0, endLine: whole.end.line },
  };
}
