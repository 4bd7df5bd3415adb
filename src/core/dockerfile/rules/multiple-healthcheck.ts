import { onlyLastCounts } from './util/only-last-counts';

/** Several HEALTHCHECKs in one stage: only the last is used. */
export default onlyLastCounts('HEALTHCHECK', 'multiple-healthcheck', ['DL3012', 'MultipleInstructionsDisallowed'], 'error');
