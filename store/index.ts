// The settlement store's public API (`ratecard/store`): runs posted in one transaction, period
// close, adjustments for closed months, statements read back byte for byte. SQLite by default.
export * from './settlement-book.js';
export { SqliteStore } from './sqlite-store.js';
