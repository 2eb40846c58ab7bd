#!/usr/bin/env node
// Node >= 22.18 runs the TypeScript sources directly (type stripping); no build step for the server.
import { runCli } from '../src/cli.ts';

await runCli(process.argv);
