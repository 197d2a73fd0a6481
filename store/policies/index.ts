// The policy registry's public API, beside the store's (`ratecard/store`).
export * from './types.js';
export type { PolicyBackend } from './backend.js';
export { REQUIRE_APPROVAL } from './backend.js';
export { PolicyRegistry } from './registry.js';
export type { Decision, SubmitRequest, VersionHistory } from './registry-steps.js';
export type { ApprovedRunRequest } from './run-approved.js';
export { inForce, spansOf } from './in-force.js';
export { APPROVAL_REFUSALS, isApprovalRefusal } from './located.js';
