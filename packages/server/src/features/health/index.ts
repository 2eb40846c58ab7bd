// What health offers the rest of the server: other features, app.ts, background-jobs.ts and cli.ts import it from here only.
export { healthRoutes } from './health.routes.ts';
