// The built editor app for the browser tests: built first when missing or stale.
export { APP_DIR, appIsStale, ensureAppBuilt, ROOT } from '../../../editor/build-if-stale.mjs';
