#!/usr/bin/env node
// Node >= 22.18 runs the TypeScript sources directly (type stripping); no build step for the server.
// The compile cache (NODE_COMPILE_CACHE, else a folder in the system's temporary directory) keeps the
// stripped and compiled sources, keyed by their content: every start after the first loads in about
// half the time. It is turned on before the sources are imported, hence the dynamic import.
import module from 'node:module';

module.enableCompileCache?.();
const { runCli } = await import('../src/cli.ts');
await runCli(process.argv);
