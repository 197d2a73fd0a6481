#!/usr/bin/env node
// The `ratecard` command: a thin shell over the compiled CLI (built by `npm run build`, run on install).
import '../dist/cli/main.js';
