/** Uploads are limited to 10 MB (images and documents alike). */
export { MAX_UPLOAD_BYTES } from '../../platform/uploads.ts';

/**
 * The most pixels an uploaded image may have (50 megapixels: a 48-megapixel phone photo passes).
 * Decoding costs memory and time by pixels, not bytes: a small file can declare a huge picture, so
 * the size is read from the header and refused before anything is decoded (and sharp is told the
 * same limit, should a header lie).
 */
export const MAX_IMAGE_PIXELS = 50_000_000;

export const imageTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const documentTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;

/** The sizes every product or story image is resized into (longest side, px), all as WebP. */
export const imageSizes = { thumb: 320, display: 1080 } as const;
export type ImageSize = keyof typeof imageSizes;

export const mediaKey = (mediaId: string, size: ImageSize): string => `media/${mediaId.slice(0, 2)}/${mediaId}-${size}.webp`;
export const mediaUrl = (mediaId: string, size: ImageSize): string => `/media/${mediaId}/${size}.webp`;

/**
 * Buyers' uploads (return photos, owner `buyer:<user id>`) are personal data: served only to those
 * the owner's feature allows (the buyer, the order's exporter and its pavilion's operators), never
 * cached by anyone on the way. Every other image (products, pavilions, brands) is public.
 */
export const BUYER_OWNER_PREFIX = 'buyer:';
export const isPrivateOwner = (owner: string): boolean => owner.startsWith(BUYER_OWNER_PREFIX);
