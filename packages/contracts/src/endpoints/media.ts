import { z } from 'zod';
import { endpoint } from './endpoint.ts';

/** Pictures: every endpoint, by name. */
export const mediaEndpoints = {
  getPicture: endpoint({ method: 'GET', path: '/media/:id/:size', params: z.object({ id: z.uuid(), size: z.enum(['thumb.webp', 'display.webp']) }), response: {  } }),
} as const;
