/** A plain Fastify route answering a fixed JSON body: the yardstick the catalog routes are compared with. */
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const bodies = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as Record<string, unknown>;
const app = Fastify({ logger: false });
app.get('/:name', async (request) => bodies[(request.params as { name: string }).name] ?? {});
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`listening ${address}\n`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
