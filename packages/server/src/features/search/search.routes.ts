import type { FastifyInstance } from 'fastify';
import { errorBodySchema, endpoints } from '@pavilion/contracts';
import { errorResponses, typed } from '../../platform/http.ts';
import type { SearchService } from './search.service.ts';
import { route } from '../../platform/endpoint-route.ts';

/** Suggestions and hot searches; the search itself is answered by the storefront (catalog), which shows the ranked products as cards. */
export function storeSearchRoutes(search: SearchService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    const tags = ['store'];
    route(app, endpoints.store.suggest, {
      schema: { tags, summary: 'Up to 10 suggestions (categories, brands, products) for what is being typed', response: errorResponses },
    }, async (request) => ({ items: await search.suggest(request.query.q) }));
    route(app, endpoints.store.getHotSearches, {
      schema: { tags, summary: "Hot searches: the operators' picks, then the most searched of the week" },
    }, async () => ({ items: await search.hot() }));
  };
}


export function operatorSearchRoutes(search: SearchService) {
  return async function (fastify: FastifyInstance) {
    const app = typed(fastify);
    const tags = ['operator'];
    route(app, endpoints.operator.getSearchZeroResults, {
      schema: { tags, summary: 'Queries that found nothing, most frequent first: what buyers want and nobody sells', response: errorResponses },
    }, async (request) => ({ items: await search.zeroResults(request.caller, request.query.days) }));
    route(app, endpoints.operator.getSearchWords, {
      schema: { tags, summary: 'The words added for Chinese segmentation (place names, product terms)', response: errorResponses },
    }, async (request) => ({ items: await search.listWords(request.caller) }));
    route(app, endpoints.operator.createSearchWord, {
      schema: { tags, summary: 'Add a word; the index is rebuilt with it in the background', response: { ...errorResponses, 409: errorBodySchema } },
    }, async (request, reply) => reply.code(201).send(await search.addWord(request.caller, request.body.word)));
    route(app, endpoints.operator.deleteSearchWord, {
      schema: { tags, summary: 'Remove a word', response: errorResponses },
    }, async (request, reply) => {
      await search.removeWord(request.caller, request.params.word);
      return reply.code(204).send();
    });
    route(app, endpoints.operator.getSearchSynonyms, {
      schema: { tags, summary: 'Synonym groups (words and phrases that find each other, across languages)', response: errorResponses },
    }, async (request) => ({ items: await search.listSynonyms(request.caller) }));
    route(app, endpoints.operator.createSearchSynonym, {
      schema: { tags, summary: 'Add a synonym group; it applies to the next query', response: errorResponses },
    }, async (request, reply) => reply.code(201).send(await search.addSynonyms(request.caller, request.body.terms)));
    route(app, endpoints.operator.deleteSearchSynonym, {
      schema: { tags, summary: 'Remove a synonym group', response: errorResponses },
    }, async (request, reply) => {
      await search.removeSynonyms(request.caller, request.params.id);
      return reply.code(204).send();
    });
    route(app, endpoints.operator.getCuratedHotSearches, {
      schema: { tags, summary: 'The hot searches operators chose, in order', response: errorResponses },
    }, async (request) => ({ items: await search.curatedHot(request.caller) }));
    route(app, endpoints.operator.setCuratedHotSearches, {
      schema: { tags, summary: 'Replace the hot searches operators choose (shown first, in this order)', response: errorResponses },
    }, async (request) => ({ items: await search.setCuratedHot(request.caller, request.body.items) }));
    route(app, endpoints.operator.getSearchIndexStatus, {
      schema: { tags, summary: 'The search index: documents, and how many wait to be re-indexed after a word-list change', response: errorResponses },
    }, async (request) => search.indexStatus(request.caller));
  };
}
