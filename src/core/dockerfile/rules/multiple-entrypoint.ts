import { onlyLastCounts } from './util/only-last-counts';

/** Several ENTRYPOINTs in one stage: all but the last are dead code. */
export default onlyLastCounts('ENTRYPOINT', 'multiple-entrypoint', ['DL4004', 'MultipleInstructionsDisallowed'], 'error');
