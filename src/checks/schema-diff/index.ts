/** Compares the base's schema with the PR's and classifies each difference by the rule catalogue. */
export { diffSchemas } from './compare.js';
export { type ChangeDetail, type ChangeSeverity, type SchemaChange } from './model.js';
export { changeMatches } from './placement.js';
export { loadResolvedSchema, type ResolvedSchema } from './resolve.js';
