import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { sendError } from './error-handler.ts';
import { withShareMeta, type ShareMetaSource } from './share-meta.ts';

const API_PREFIXES = ['/api/', '/docs', '/openapi.json'];

/**
 * Serves the built web app: hashed assets cached for a year, index.html never cached, and every
 * other GET that accepts HTML answered with index.html so client-side routes survive a reload.
 * Unknown API routes answer 404 JSON.
 */
export async function registerWebApp(app: FastifyInstance, options: { distDir: string; publicUrl: string; shareMeta?: ShareMetaSource }): Promise<void> {
  const indexFile = path.join(options.distDir, 'index.html');
  const built = existsSync(indexFile);
  const indexHtml = built ? readFileSync(indexFile, 'utf8') : '';
  if (built) {
    await app.register(fastifyStatic, {
      root: options.distDir,
      wildcard: false,
      index: false,
      setHeaders(res, filePath: string) {
        const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
        res.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler(async (request, reply) => {
    const isApi = API_PREFIXES.some((prefix) => request.url.startsWith(prefix));
    const wantsHtml = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
    if (!isApi && wantsHtml && built) {
      // Storefront pages that can be shared get their title and Open Graph card in the HTML itself.
      const pathname = request.url.split('?')[0] ?? '/';
      const meta = options.shareMeta ? await options.shareMeta(pathname).catch(() => null) : null;
      if (meta) return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(withShareMeta(indexHtml, meta, { publicUrl: options.publicUrl, pathname }));
      return reply.header('cache-control', 'no-cache').sendFile('index.html', options.distDir);
    }
    if (!isApi && request.method === 'GET' && built) {
      // A missing asset, or a client that did not ask for HTML.
      const ext = path.extname(request.url.split('?')[0] ?? '');
      if (!ext) return reply.header('cache-control', 'no-cache').sendFile('index.html', options.distDir);
    }
    return sendError(request, reply, 'NOT_FOUND');
  });
}
