import { endpoints } from '@pavilion/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { typed } from '../../platform/http.ts';
import { notFound } from '../../platform/errors.ts';
import type { Caller } from '../../platform/sessions.ts';
import { isPrivateOwner } from './media.rules.ts';
import type { MediaService } from './media.service.ts';
import { route } from '../../platform/endpoint-route.ts';

export interface MediaRouteDeps {
  media: MediaService;
  /** The caller behind the request's session cookie or bearer token (media is served outside /api/). */
  callerOf: (request: FastifyRequest) => Promise<Caller | null>;
  /** Whether the caller may see a private image (a buyer's upload); answered by the feature that uses it. */
  mayViewPrivate: (caller: Caller, mediaId: string, owner: string) => Promise<boolean>;
}

/**
 * GET /media/:id/:size.webp: resized images. Public ones are immutable (a new picture gets a new id);
 * a buyer's upload goes only to those allowed to see it, never cached in between, and anyone else
 * gets the same 404 as for an image that does not exist.
 */
export function mediaRoutes(deps: MediaRouteDeps) {
  const { media } = deps;
  return async function (fastify: FastifyInstance) {
    route(typed(fastify), endpoints.media.getPicture, {
      schema: { hide: true },
    }, async (request, reply) => {
      const { id } = request.params;
      const size = request.params.size === 'thumb.webp' ? 'thumb' : 'display';
      const owner = await media.ownerOf(id);
      if (owner === null) throw notFound();
      const restricted = isPrivateOwner(owner);
      if (restricted) {
        reply.header('cache-control', 'private, no-store');
        const caller = await deps.callerOf(request);
        if (!caller || !(await deps.mayViewPrivate(caller, id, owner))) throw notFound();
      }
      const bytes = await media.readImage(id, size);
      if (!bytes) throw notFound();
      return reply
        .type('image/webp')
        .header('cache-control', restricted ? 'private, no-store' : 'public, max-age=31536000, immutable')
        .send(bytes);
    });
  };
}
