import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { typed } from '../../platform/http.ts';
import { notFound } from '../../platform/errors.ts';
import type { MediaService } from './media.service.ts';

/** GET /media/:id/:size.webp: resized images, immutable (a new picture gets a new id). */
export function mediaRoutes(media: MediaService) {
  return async function (fastify: FastifyInstance) {
    typed(fastify).get('/media/:id/:size', {
      schema: { hide: true, params: z.object({ id: z.uuid(), size: z.enum(['thumb.webp', 'display.webp']) }) },
    }, async (request, reply) => {
      const size = request.params.size === 'thumb.webp' ? 'thumb' : 'display';
      const bytes = await media.readImage(request.params.id, size);
      if (!bytes) throw notFound();
      return reply.type('image/webp').header('cache-control', 'public, max-age=31536000, immutable').send(bytes);
    });
  };
}
