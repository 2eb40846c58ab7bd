// What cart offers the rest of the server: other features, app.ts, background-jobs.ts and cli.ts import it from here only.
export { storeCartRoutes } from './cart.routes.ts';
export { CartService } from './cart.service.ts';
