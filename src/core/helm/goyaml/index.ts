/** Go-compatible YAML and JSON for Helm: what toYaml/toJson print and how values files are read. */
export { emitDocument, type EmitEvent, type EmitterOptions, type ScalarStyle } from './emitter';
export {
  compareUtf8,
  encodeJson,
  formatRfc3339Nano,
  formatJsonFloat,
  GoJsonError,
  JsonNumber,
  JsonObject,
  marshalJson,
  quoteJsonString,
  toJsonNode,
  type JsonEncodeOptions,
  type JsonMarshaler,
  type JsonNode,
} from './go-json';
export { sortKeysV2, sortKeysV3 } from './key-order';
export { marshalYaml, marshalYamlV3, YamlReaderError, type YamlMarshaler } from './marshal';
export { canBePlainString, isBase60Float, isTimestamp, resolvePlain, type Resolved } from './resolve';
export {
  GoYamlError,
  mergeMaps,
  parseYamlValues,
  parseYamlValuesAndFirst,
  readDocumentValues,
  setKey,
  shortestFloat32,
  yamlToGoArray,
  yamlToGoMap,
} from './decode';
export { decline, FAST_MAX_DEPTH, readFastDocuments, type ScalarReader } from './fast-decode';
export { goYamlSyntaxError, goYamlSyntaxMessage, type YamlLibError } from './syntax-errors';
