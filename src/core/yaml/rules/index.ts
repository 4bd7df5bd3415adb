/** Registry of the YAML-level rules (syntax and YAML 1.1 traps), in the order they are checked. */
import type { RuleMeta } from '../../rules/meta';
import type { DocFinding } from '../finding';
import type { YamlDocument } from '../parse';
import * as duplicateKey from './yaml-duplicate-key';
import * as norwayBoolean from './yaml-norway-boolean';
import * as octalNumber from './yaml-octal-number';
import * as syntax from './yaml-syntax';
import * as tabIndent from './yaml-tab-indent';

export const yamlLevelRules: RuleMeta[] = [syntax.meta, duplicateKey.meta, tabIndent.meta, norwayBoolean.meta, octalNumber.meta];

/** Problems any YAML document can have, whatever its schema. */
export function checkYamlDocument(document: YamlDocument): DocFinding[] {
  return [...syntax.check(document), ...duplicateKey.check(document), ...tabIndent.check(document)];
}

export { octalNumber };
