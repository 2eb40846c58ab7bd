// What demo offers the rest of the server: other features, app.ts, background-jobs.ts and cli.ts import it from here only.
export { demoAccounts, seedDemo } from './seed.ts';
