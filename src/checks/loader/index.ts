/** Runs the user's loader on copies of the configs and says which of them it refuses. */
export { writeConfigs, type LoaderTarget } from './copies.js';
export { loaderEnvironment } from './environment.js';
export { Scratch } from './scratch.js';
export { DEFAULT_MAX_OUTPUT_BYTES, type LoaderOptions } from './process.js';
export {
  DEFAULT_MAX_ARGUMENT_BYTES,
  DEFAULT_MAX_BATCH_SIZE,
  runLoader,
  timeoutBudget,
  type LoaderResult,
  type LoaderRun,
} from './bisect.js';
export { changedLoaderScript, scriptCandidates, type ChangedScript } from './script.js';
