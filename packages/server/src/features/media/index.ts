// What media offers the rest of the server: other features, app.ts, background-jobs.ts and cli.ts import it from here only.
export { findMediaByIds, type MediaRecord } from './media.repository.ts';
export { mediaRoutes } from './media.routes.ts';
export { BUYER_OWNER_PREFIX, MAX_UPLOAD_BYTES, documentTypes, mediaUrl } from './media.rules.ts';
export { MediaService, detectType, findImages, toStoredMedia, type StoredMedia } from './media.service.ts';
