// The settlement store's public API (`ratecard/store`): runs settled before the write and posted
// in one transaction, sealed period closes, adjustments for closed months, statements read back
// byte for byte, and `verify`. SQLite by default (synchronous or asynchronous), PostgreSQL by URL.
export * from './types.js';
export type { Backend, BackendReads, Posting, SettlementBackend, SyncBackend } from './backend.js';
export { ClosedPeriodError } from './backend.js';
export { AsyncSettlementBook } from './async-book.js';
export { SettlementBook } from './settlement-book.js';
export { isPostgresUrl, PgStore } from './pg-store.js';
export { SqliteStore } from './sqlite-store.js';
export * from './policies/index.js';
