import type { FastifyInstance } from 'fastify';
import { errorBodySchema, endpoints } from '@pavilion/contracts';
import { errorResponses, typed } from '../../platform/http.ts';
import { readUpload } from '../../platform/uploads.ts';
import type { PavilionService } from './pavilion.service.ts';
import type { StoryService } from './story.service.ts';
import { route } from '../../platform/endpoint-route.ts';

const withConflict = { ...errorResponses, 409: errorBodySchema } as const;

export function storePavilionRoutes(pavilions: PavilionService, stories: StoryService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    route(app, endpoints.store.getPavilions, {
      schema: { tags: ['store'], summary: 'All pavilions' },
    }, async () => ({ items: await pavilions.listPublic() }));

    route(app, endpoints.store.getPavilion, {
      schema: { tags: ['store'], summary: 'A pavilion with its approved exporters, featured items and published stories', response: errorResponses },
    }, async (request) => pavilions.getPublic(request.params.slug));

    route(app, endpoints.store.getPavilionStory, {
      schema: { tags: ['store'], summary: 'A published culture story of a pavilion', response: errorResponses },
    }, async (request) => stories.getPublished(request.params.slug, request.params.storySlug));
  };
}

export function operatorPavilionRoutes(pavilions: PavilionService, stories: StoryService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    route(app, endpoints.operator.getPavilions, {
      schema: { tags: ['operator'], summary: 'The pavilions this operator runs, with their exporters', response: errorResponses },
    }, async (request) => ({ items: await pavilions.listForOperator(request.caller) }));

    route(app, endpoints.operator.getPavilion, {
      schema: { tags: ['operator'], summary: "A pavilion's editable content and featured items", response: errorResponses },
    }, async (request) => pavilions.getForOperator(request.caller, request.params.id));

    route(app, endpoints.operator.updatePavilion, {
      schema: { tags: ['operator'], summary: "Edit a pavilion's names, taglines, introduction (rich text) and hero image", response: errorResponses },
    }, async (request) => pavilions.updateContent(request.caller, request.params.id, request.body));

    route(app, endpoints.operator.uploadPavilionMedia, {
      schema: {
        tags: ['operator'],
        summary: 'Upload an image for the pavilion (multipart, field "file": JPEG, PNG or WebP, at most 10 MB)',
        consumes: ['multipart/form-data'],
        response: { ...errorResponses, 413: errorBodySchema, 415: errorBodySchema },
      },
    }, async (request, reply) => {
      const image = await pavilions.uploadImage(request.caller, request.params.id, async () => (await readUpload(request)).bytes);
      return reply.code(201).send(image);
    });

    route(app, endpoints.operator.setPavilionFeatures, {
      schema: { tags: ['operator'], summary: 'Set the featured exporters and products, in display order (at most 12 each)', response: errorResponses },
    }, async (request) => pavilions.setFeatures(request.caller, request.params.id, request.body));

    route(app, endpoints.operator.getPavilionStories, {
      schema: { tags: ['operator'], summary: "The pavilion's stories, drafts included", response: errorResponses },
    }, async (request) => stories.list(request.caller, request.params.id));

    route(app, endpoints.operator.createPavilionStory, {
      schema: { tags: ['operator'], summary: 'Write a story (a draft until published)', response: withConflict },
    }, async (request, reply) => reply.code(201).send(await stories.create(request.caller, request.params.id, request.body)));

    route(app, endpoints.operator.getPavilionStory, {
      schema: { tags: ['operator'], summary: 'A story with its bodies', response: errorResponses },
    }, async (request) => stories.get(request.caller, request.params.id, request.params.storyId));

    route(app, endpoints.operator.updatePavilionStory, {
      schema: { tags: ['operator'], summary: 'Edit a story (a published one stays published)', response: withConflict },
    }, async (request) => stories.update(request.caller, request.params.id, request.params.storyId, request.body));

    route(app, endpoints.operator.deletePavilionStory, {
      schema: { tags: ['operator'], summary: 'Delete a story', response: errorResponses },
    }, async (request, reply) => {
      await stories.remove(request.caller, request.params.id, request.params.storyId);
      return reply.code(204).send();
    });

    route(app, endpoints.operator.publishPavilionStory, {
      schema: { tags: ['operator'], summary: 'Publish a story (both bodies must hold text)', response: errorResponses },
    }, async (request) => stories.publish(request.caller, request.params.id, request.params.storyId));

    route(app, endpoints.operator.unpublishPavilionStory, {
      schema: { tags: ['operator'], summary: 'Take a story back to draft', response: errorResponses },
    }, async (request) => stories.unpublish(request.caller, request.params.id, request.params.storyId));
  };
}
