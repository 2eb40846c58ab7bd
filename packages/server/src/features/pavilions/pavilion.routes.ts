import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  errorBodySchema,
  imageSchema,
  operatorPavilionContentSchema,
  operatorPavilionListSchema,
  operatorStoryListSchema,
  operatorStorySchema,
  pavilionContentInputSchema,
  pavilionDetailSchema,
  pavilionFeaturesInputSchema,
  pavilionIdParamsSchema,
  pavilionListSchema,
  pavilionSlugParamsSchema,
  storyDetailSchema,
  storyInputSchema,
  storyParamsSchema,
  storySlugParamsSchema,
} from '@pavilion/contracts';
import { errorResponses, typed } from '../../platform/http.ts';
import { readUpload } from '../../platform/uploads.ts';
import type { PavilionService } from './pavilion.service.ts';
import type { StoryService } from './story.service.ts';

const withConflict = { ...errorResponses, 409: errorBodySchema } as const;

export function storePavilionRoutes(pavilions: PavilionService, stories: StoryService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    app.get('/pavilions', {
      schema: { tags: ['store'], summary: 'All pavilions', response: { 200: pavilionListSchema } },
    }, async () => ({ items: await pavilions.listPublic() }));

    app.get('/pavilions/:slug', {
      schema: { tags: ['store'], summary: 'A pavilion with its approved exporters, featured items and published stories', params: pavilionSlugParamsSchema, response: { 200: pavilionDetailSchema, ...errorResponses } },
    }, async (request) => pavilions.getPublic(request.params.slug));

    app.get('/pavilions/:slug/stories/:storySlug', {
      schema: { tags: ['store'], summary: 'A published culture story of a pavilion', params: storySlugParamsSchema, response: { 200: storyDetailSchema, ...errorResponses } },
    }, async (request) => stories.getPublished(request.params.slug, request.params.storySlug));
  };
}

export function operatorPavilionRoutes(pavilions: PavilionService, stories: StoryService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    app.get('/pavilions', {
      schema: { tags: ['operator'], summary: 'The pavilions this operator runs, with their exporters', response: { 200: operatorPavilionListSchema, ...errorResponses } },
    }, async (request) => ({ items: await pavilions.listForOperator(request.caller) }));

    app.get('/pavilions/:id', {
      schema: { tags: ['operator'], summary: "A pavilion's editable content and featured items", params: pavilionIdParamsSchema, response: { 200: operatorPavilionContentSchema, ...errorResponses } },
    }, async (request) => pavilions.getForOperator(request.caller, request.params.id));

    app.put('/pavilions/:id', {
      schema: { tags: ['operator'], summary: "Edit a pavilion's names, taglines, introduction (rich text) and hero image", params: pavilionIdParamsSchema, body: pavilionContentInputSchema, response: { 200: operatorPavilionContentSchema, ...errorResponses } },
    }, async (request) => pavilions.updateContent(request.caller, request.params.id, request.body));

    app.post('/pavilions/:id/media', {
      schema: {
        tags: ['operator'],
        summary: 'Upload an image for the pavilion (multipart, field "file": JPEG, PNG or WebP, at most 10 MB)',
        consumes: ['multipart/form-data'],
        params: pavilionIdParamsSchema,
        response: { 201: imageSchema, ...errorResponses, 413: errorBodySchema, 415: errorBodySchema },
      },
    }, async (request, reply) => {
      const image = await pavilions.uploadImage(request.caller, request.params.id, async () => (await readUpload(request)).bytes);
      return reply.code(201).send(image);
    });

    app.put('/pavilions/:id/features', {
      schema: { tags: ['operator'], summary: 'Set the featured exporters and products, in display order (at most 12 each)', params: pavilionIdParamsSchema, body: pavilionFeaturesInputSchema, response: { 200: operatorPavilionContentSchema, ...errorResponses } },
    }, async (request) => pavilions.setFeatures(request.caller, request.params.id, request.body));

    app.get('/pavilions/:id/stories', {
      schema: { tags: ['operator'], summary: "The pavilion's stories, drafts included", params: pavilionIdParamsSchema, response: { 200: operatorStoryListSchema, ...errorResponses } },
    }, async (request) => stories.list(request.caller, request.params.id));

    app.post('/pavilions/:id/stories', {
      schema: { tags: ['operator'], summary: 'Write a story (a draft until published)', params: pavilionIdParamsSchema, body: storyInputSchema, response: { 201: operatorStorySchema, ...withConflict } },
    }, async (request, reply) => reply.code(201).send(await stories.create(request.caller, request.params.id, request.body)));

    app.get('/pavilions/:id/stories/:storyId', {
      schema: { tags: ['operator'], summary: 'A story with its bodies', params: storyParamsSchema, response: { 200: operatorStorySchema, ...errorResponses } },
    }, async (request) => stories.get(request.caller, request.params.id, request.params.storyId));

    app.put('/pavilions/:id/stories/:storyId', {
      schema: { tags: ['operator'], summary: 'Edit a story (a published one stays published)', params: storyParamsSchema, body: storyInputSchema, response: { 200: operatorStorySchema, ...withConflict } },
    }, async (request) => stories.update(request.caller, request.params.id, request.params.storyId, request.body));

    app.delete('/pavilions/:id/stories/:storyId', {
      schema: { tags: ['operator'], summary: 'Delete a story', params: storyParamsSchema, response: { 204: z.undefined(), ...errorResponses } },
    }, async (request, reply) => {
      await stories.remove(request.caller, request.params.id, request.params.storyId);
      return reply.code(204).send();
    });

    app.post('/pavilions/:id/stories/:storyId/publish', {
      schema: { tags: ['operator'], summary: 'Publish a story (both bodies must hold text)', params: storyParamsSchema, response: { 200: operatorStorySchema, ...errorResponses } },
    }, async (request) => stories.publish(request.caller, request.params.id, request.params.storyId));

    app.post('/pavilions/:id/stories/:storyId/unpublish', {
      schema: { tags: ['operator'], summary: 'Take a story back to draft', params: storyParamsSchema, response: { 200: operatorStorySchema, ...errorResponses } },
    }, async (request) => stories.unpublish(request.caller, request.params.id, request.params.storyId));
  };
}
