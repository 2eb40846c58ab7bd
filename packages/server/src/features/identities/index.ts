// What identities offers the rest of the server: other features, app.ts, background-jobs.ts and cli.ts import it from here only.
export { unsealIdentityForDeclaration } from './identity-sealing.ts';
export { storeIdentityRoutes } from './identity.routes.ts';
export { IdentityService, type IdentityForOrder } from './identity.service.ts';
export { parseIdentityKeys } from './identity-crypto.ts';
export type { IdentityKeyRing } from './identity-crypto.ts';
