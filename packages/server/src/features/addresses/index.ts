// What addresses offers the rest of the server: other features, app.ts, background-jobs.ts and cli.ts import it from here only.
export { storeAddressRoutes } from './address.routes.ts';
export { AddressService } from './address.service.ts';
export { listChinaProvinces } from './china-address.rules.ts';
