import { onlyLastCounts } from './util/only-last-counts';

/** Several CMDs in one stage usually mean someone tried to start several processes. */
export default onlyLastCounts('CMD', 'multiple-cmd', ['DL4003', 'MultipleInstructionsDisallowed'], 'warning');
