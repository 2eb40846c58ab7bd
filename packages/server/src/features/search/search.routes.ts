import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  curatedHotSearchesSchema, errorBodySchema, hotSearchesSchema, hotSearchInputSchema, searchIndexStatusSchema, searchQuerySchema, searchResultSchema,
  searchWordInputSchema, searchWordListSchema, searchWordSchema, suggestQuerySchema, suggestResultSchema, synonymInputSchema, synonymListSchema,
  synonymSchema, zeroResultListSchema, zeroResultQueryParamsSchema,
} from '@pavilion/contracts';
import { errorResponses, typed } from '../../platform/http.ts';
import type { SearchService } from './search.service.ts';

export function storeSearchRoutes(search: SearchService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    const tags = ['store'];
    app.get('/search', {
      schema: {
        tags,
        summary: 'Search products in Chinese, pinyin or English, with filters, facet counts, sorting and highlighted titles',
        querystring: searchQuerySchema,
        response: { 200: searchResultSchema, ...errorResponses },
      },
    }, async (request) => search.search(request.query));
    app.get('/search/suggest', {
      schema: { tags, summary: 'Up to 10 suggestions (categories, brands, products) for what is being typed', querystring: suggestQuerySchema, response: { 200: suggestResultSchema, ...errorResponses } },
    }, async (request) => ({ items: await search.suggest(request.query.q) }));
    app.get('/search/hot', {
      schema: { tags, summary: "Hot searches: the operators' picks, then the most searched of the week", response: { 200: hotSearchesSchema } },
    }, async () => ({ items: await search.hot() }));
  };
}

const wordParams = z.object({ word: z.string().min(1).max(40) });
const idParams = z.object({ id: z.uuid() });

export function operatorSearchRoutes(search: SearchService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    const tags = ['operator'];
    app.get('/search/zero-results', {
      schema: { tags, summary: 'Queries that found nothing, most frequent first: what buyers want and nobody sells', querystring: zeroResultQueryParamsSchema, response: { 200: zeroResultListSchema, ...errorResponses } },
    }, async (request) => ({ items: await search.zeroResults(request.caller, request.query.days) }));
    app.get('/search/words', {
      schema: { tags, summary: 'The words added for Chinese segmentation (place names, product terms)', response: { 200: searchWordListSchema, ...errorResponses } },
    }, async (request) => ({ items: await search.listWords(request.caller) }));
    app.post('/search/words', {
      schema: { tags, summary: 'Add a word; the index is rebuilt with it in the background', body: searchWordInputSchema, response: { 201: searchWordSchema, ...errorResponses, 409: errorBodySchema } },
    }, async (request, reply) => reply.code(201).send(await search.addWord(request.caller, request.body.word)));
    app.delete('/search/words/:word', {
      schema: { tags, summary: 'Remove a word', params: wordParams, response: { 204: z.undefined(), ...errorResponses } },
    }, async (request, reply) => {
      await search.removeWord(request.caller, request.params.word);
      return reply.code(204).send();
    });
    app.get('/search/synonyms', {
      schema: { tags, summary: 'Synonym groups (words and phrases that find each other, across languages)', response: { 200: synonymListSchema, ...errorResponses } },
    }, async (request) => ({ items: await search.listSynonyms(request.caller) }));
    app.post('/search/synonyms', {
      schema: { tags, summary: 'Add a synonym group; it applies to the next query', body: synonymInputSchema, response: { 201: synonymSchema, ...errorResponses } },
    }, async (request, reply) => reply.code(201).send(await search.addSynonyms(request.caller, request.body.terms)));
    app.delete('/search/synonyms/:id', {
      schema: { tags, summary: 'Remove a synonym group', params: idParams, response: { 204: z.undefined(), ...errorResponses } },
    }, async (request, reply) => {
      await search.removeSynonyms(request.caller, request.params.id);
      return reply.code(204).send();
    });
    app.get('/search/hot', {
      schema: { tags, summary: 'The hot searches operators chose, in order', response: { 200: curatedHotSearchesSchema, ...errorResponses } },
    }, async (request) => ({ items: await search.curatedHot(request.caller) }));
    app.put('/search/hot', {
      schema: { tags, summary: 'Replace the hot searches operators choose (shown first, in this order)', body: hotSearchInputSchema, response: { 200: curatedHotSearchesSchema, ...errorResponses } },
    }, async (request) => ({ items: await search.setCuratedHot(request.caller, request.body.items) }));
    app.get('/search/index', {
      schema: { tags, summary: 'The search index: documents, and how many wait to be re-indexed after a word-list change', response: { 200: searchIndexStatusSchema, ...errorResponses } },
    }, async (request) => search.indexStatus(request.caller));
  };
}
