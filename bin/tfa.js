#!/usr/bin/env node
// The installed `tfa` command runs the compiled CLI (`npm run build` makes it).
await import('../dist/server/cli.js');
