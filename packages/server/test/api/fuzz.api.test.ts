import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import type { InjectOptions } from 'fastify';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { bearer, tokenFor } from '../support/sessions.ts';
import { actorLogins, actors, caseRoute, type Actor, type MatrixCase } from '../support/role-matrix.ts';
import { allCases } from '../support/matrix/index.ts';
import type { WechatLoginClient } from '../../src/features/auth/wechat-login.ts';
import { AppError } from '../../src/platform/errors.ts';
import { hostileFor, hostileValue, hugeString, resolver, Rng, sample, schemaPaths, setAt, type JsonSchema } from '../support/fuzz.ts';

/**
 * Fuzzing every operation of the OpenAPI document: anonymously and as the role that owns it (the
 * role matrix says who), each gets a seeded sample of malformed requests built from its own
 * schemas: wrong types, missing and unknown fields, huge strings and numbers, NUL and control
 * characters, arrays for scalars, bad path parameters, bad content types, broken multipart bodies.
 * It fails on any 5xx, on a status the document does not list for the operation, and on an error
 * answered outside Pavilion's error format. Each run prints its seed: FUZZ_SEED=<seed> replays it,
 * FUZZ_ONLY=<part of "METHOD /path"> narrows it to some operations, FUZZ_REQUESTS=<n> sets how many
 * malformed requests the owner sends to each operation (anonymous callers send a third of that).
 */
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : randomInt(2 ** 31);
const perOperation = Number(process.env.FUZZ_REQUESTS ?? 9);
const only = process.env.FUZZ_ONLY;

interface Parameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema?: JsonSchema;
}
interface Operation {
  method: string;
  path: string;
  /** As Fastify and the role matrix write it: `/api/x/:id`. */
  route: string;
  parameters: Parameter[];
  body: JsonSchema | undefined;
  statuses: Set<string>;
  /** The statuses documented with Pavilion's error body (payment callbacks answer in the provider's format). */
  errorStatuses: Set<string>;
}
interface OpenApi {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> }; responses?: Record<string, unknown> }>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

/** A request to send: kept whole so a failure shows exactly what went out. */
interface FuzzRequest {
  mutation: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

const hostilePathValues = ['%00', 'a%00b', '%01%1b', 'x', '0', '-1', '1.5', '..', '%2e%2e', '%20', 'null', 'undefined', '1e309', '99999999999999999999', '%E6%B1%89%E5%AD%97',
  '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '00000000-0000-4000-8000-000000000000', '%E0%A4%A', '%', 'a'.repeat(101), `${'9'.repeat(40)}`, '0000-00-00', '2026-13-45'];

const contentTypes = ['text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data', 'multipart/form-data; boundary=', 'application/json; charset=utf-16', 'application/jsonx', 'image/png', '*/*', ';;;'];

const rawJsonBodies = ['{"a":', '', 'null', '"string"', '[]', '0', '{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}', '['.repeat(3000) + ']'.repeat(3000), '\u0000', '{"a":"\\ud800"}', '{"a":1e999}', '\ufeff{}'];

function multipartBody(rng: Rng, png: Buffer): { payload: Buffer | string; contentType: string; name: string } {
  const boundary = 'fuzzBoundary7MA4YWxkTrZu0gW';
  const ct = `multipart/form-data; boundary=${boundary}`;
  const part = (name: string, filename: string | null, bytes: Buffer | string) =>
    Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"${filename === null ? '' : `; filename="${filename}"`}\r\n${filename === null ? '' : 'Content-Type: application/octet-stream\r\n'}\r\n`),
      Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes),
      Buffer.from('\r\n'),
    ]);
  const end = Buffer.from(`--${boundary}--\r\n`);
  const noise = Buffer.from(Array.from({ length: 512 }, () => rng.int(256)));
  switch (rng.int(11)) {
    case 0:
      return { name: 'multipart without a boundary', payload: 'file=x', contentType: 'multipart/form-data' };
    case 1:
      return { name: 'a body that is not multipart', payload: 'not multipart at all', contentType: ct };
    case 2:
      return { name: 'multipart cut short', payload: part('file', 'a.png', png).subarray(0, 90), contentType: ct };
    case 3:
      return { name: 'a file of random bytes', payload: Buffer.concat([part('file', 'a.png', noise), end]), contentType: ct };
    case 4:
      return { name: 'an empty file', payload: Buffer.concat([part('file', 'a.csv', Buffer.alloc(0)), end]), contentType: ct };
    case 5:
      return { name: 'a file in another field', payload: Buffer.concat([part('other', 'a.png', png), end]), contentType: ct };
    case 6:
      return { name: 'two files', payload: Buffer.concat([part('file', 'a.png', png), part('file', 'b.png', png), end]), contentType: ct };
    case 7:
      return { name: 'a PNG cut short', payload: Buffer.concat([part('file', 'a.png', png.subarray(0, Math.floor(png.length / 2))), end]), contentType: ct };
    case 8:
      return { name: 'text fields only, hostile', payload: Buffer.concat([part('kind', null, '\u0000'), part('x'.repeat(300), null, hugeString(rng).slice(0, 60_000)), end]), contentType: ct };
    case 9:
      return { name: 'a file named with NUL and ../', payload: Buffer.concat([part('file', '../\u0000evil.png', png), part('kind', null, 'certificate'), end]), contentType: ct };
    default:
      return { name: 'a whole PNG with a hostile field', payload: Buffer.concat([part('kind', null, rng.pick(['', 'x'.repeat(5000), '\u0000', 'other'])), part('file', 'a.png', png), end]), contentType: ct };
  }
}

describe('API fuzz', () => {
  let ta: TestApp;
  let doc: OpenApi;
  let png: Buffer;
  before(async () => {
    // WeChat as a provider that knows no code: login then runs its whole path and answers 401, where
    // an unconfigured server would answer its deliberate 503 to every call.
    const wechat: WechatLoginClient = {
      appId: 'wx0000000000fuzz00',
      codeToSession: async () => {
        throw new AppError('WECHAT_CODE_INVALID', { details: { errcode: 40029 } });
      },
    };
    ta = await createTestApp({ catalog: true, overrides: { wechat } });
    doc = (await ta.app.inject({ method: 'GET', url: '/openapi.json' })).json() as OpenApi;
    // Noise does not compress, so a PNG cut in half loses pixels after a whole header.
    const raw = Buffer.from(Array.from({ length: 96 * 96 * 3 }, (_, i) => (i * 2654435761) >>> 24));
    png = await sharp(raw, { raw: { width: 96, height: 96, channels: 3 } }).png().toBuffer();
  });
  after(() => ta.close());

  test('every operation answers malformed input with a status it documents, in our error format, never a 5xx', async (t) => {
    t.diagnostic(`fuzz seed ${seed} (replay with FUZZ_SEED=${seed}; narrow with FUZZ_ONLY="POST /api/…")`);
    const resolve = resolver(doc.components?.schemas ?? {});
    const operations: Operation[] = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        route: path.replace(/\{(\w+)\}/g, ':$1'),
        parameters: op.parameters ?? [],
        body: op.requestBody?.content?.['application/json']?.schema,
        statuses: new Set(Object.keys(op.responses ?? {})),
        errorStatuses: new Set(Object.entries(op.responses ?? {}).filter(([, r]) => JSON.stringify(r).includes('"#/components/schemas/Error"')).map(([status]) => status)),
      })),
    );
    const cases = new Map<string, MatrixCase>(allCases.map((c) => [`${c.method} ${caseRoute(c)}`, c]));
    // Signing out ends the session: that operation goes last.
    operations.sort((a, b) => Number(a.path === '/api/auth/logout') - Number(b.path === '/api/auth/logout'));

    const failures = new Map<string, { count: number; example: string }>();
    let sent = 0;
    const db = ta.testDb.database.db;
    for (const op of operations) {
      const name = `${op.method} ${op.path}`;
      if (only && !name.includes(only)) continue;
      const matrixCase = cases.get(`${op.method} ${op.route}`);
      assert.ok(matrixCase, `${name}: no role-matrix case says who owns it`);
      const concrete = typeof matrixCase.url === 'string' ? matrixCase.url : await matrixCase.url(db);
      const base = baseRequest(op, concrete, matrixCase.payload, resolve);
      const owner = ownerOf(matrixCase);
      const rng = new Rng(seed ^ hashString(name));
      for (const actor of owner === 'anonymous' ? (['anonymous'] as const) : (['anonymous', owner] as const)) {
        const login = actorLogins[actor];
        // A fresh session for each operation: one that signed out or was disabled must not hide the next.
        const auth = login ? bearer(await tokenFor(db, login)) : {};
        const count = actor === 'anonymous' ? Math.max(1, Math.ceil(perOperation / 3)) : perOperation;
        for (let i = 0; i < count; i++) {
          const request = mutate(op, base, rng, resolve, png);
          const res = await ta.app.inject({ method: request.method as InjectOptions['method'], url: request.url, headers: { ...auth, ...request.headers }, ...(request.payload === undefined ? {} : { payload: request.payload }) });
          sent++;
          const problems: string[] = [];
          if (res.statusCode >= 500) problems.push('a 5xx');
          if (!op.statuses.has(String(res.statusCode)) && !op.statuses.has('default')) problems.push(`a status the document does not list (${[...op.statuses].join(', ')})`);
          if (op.errorStatuses.has(String(res.statusCode)) && !isErrorBody(res.body)) problems.push('an error outside the {error:{code,message}} format');
          if (problems.length === 0) continue;
          const key = `${name} as ${actor}: ${res.statusCode} ${problems.join('; ')}`;
          const seen = failures.get(key);
          if (seen) seen.count++;
          else failures.set(key, { count: 1, example: `${describeRequest(request)}\n      answer ${res.statusCode} ${res.body.slice(0, 300)}` });
        }
      }
    }
    t.diagnostic(`fuzz sent ${sent} requests to ${operations.filter((o) => !only || `${o.method} ${o.path}`.includes(only)).length} operations`);
    const report = [...failures].map(([key, f]) => `${key} (${f.count}×), e.g.\n      ${f.example}`);
    assert.equal(report.length, 0, `seed ${seed}: ${report.length} kinds of failure\n${report.join('\n')}`);
  });
});

/** The actor that owns an operation: the first whose matrix status is not 401/403, a success preferred. */
function ownerOf(c: MatrixCase): Actor {
  const signedIn = actors.filter((a) => a !== 'anonymous');
  return signedIn.find((a) => (c.expect[a] ?? 0) < 300) ?? signedIn.find((a) => ![401, 403].includes(c.expect[a] ?? 401)) ?? 'anonymous';
}

interface BaseRequest {
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
}

/** The matrix's concrete URL split into path parameters and query; its payload, or one sampled from the schema. */
function baseRequest(op: Operation, concrete: string, payload: unknown, resolve: (s: JsonSchema | undefined) => JsonSchema): BaseRequest {
  const [pathPart = '', queryPart = ''] = concrete.split('?');
  const params: Record<string, string> = {};
  const patternSegments = op.route.split('/');
  const urlSegments = pathPart.split('/');
  patternSegments.forEach((seg, i) => {
    if (seg.startsWith(':')) params[seg.slice(1)] = decodeURIComponent(urlSegments[i] ?? 'x');
  });
  const query = Object.fromEntries(new URLSearchParams(queryPart));
  for (const p of op.parameters) if (p.in === 'query' && p.required && query[p.name] === undefined) query[p.name] = String(sample(p.schema, resolve));
  const body = op.body ? (payload ?? sample(op.body, resolve)) : payload;
  return { params, query, body };
}

function buildUrl(op: Operation, params: Record<string, string>, rawParams: Set<string>, query: string): string {
  const path = op.route.replace(/:(\w+)/g, (_, name: string) => (rawParams.has(name) ? (params[name] ?? '') : encodeURIComponent(params[name] ?? '')));
  return query ? `${path}?${query}` : path;
}

/** One malformed request: the base with one hostile change, chosen by the generator. */
function mutate(op: Operation, base: BaseRequest, rng: Rng, resolve: (s: JsonSchema | undefined) => JsonSchema, png: Buffer): FuzzRequest {
  const params = { ...base.params };
  const rawParams = new Set<string>();
  let query = new URLSearchParams(base.query).toString();
  let body = base.body;
  let payload: string | Buffer | undefined;
  const headers: Record<string, string> = {};
  const kinds: string[] = ['query', 'headers', 'content-type', 'multipart', 'raw-json'];
  if (Object.keys(params).length > 0) kinds.push('path', 'path');
  if (op.body) kinds.push('field', 'field', 'field', 'missing', 'unknown', 'root');
  const kind = rng.pick(kinds);
  let mutation = kind;
  const jsonHeaders = () => {
    headers['content-type'] = 'application/json';
  };
  switch (kind) {
    case 'path': {
      const name = rng.pick(Object.keys(params));
      const value = rng.pick(hostilePathValues);
      params[name] = value;
      rawParams.add(name);
      mutation = `path ${name}`;
      break;
    }
    case 'query': {
      const known = op.parameters.filter((p) => p.in === 'query');
      const q = new URLSearchParams(base.query);
      const choice = rng.int(5);
      if (known.length > 0 && choice < 3) {
        const p = rng.pick(known);
        const value = hostileFor(p.schema ?? {}, rng, resolve);
        if (Array.isArray(value)) for (const v of value.slice(0, 50)) q.append(p.name, String(v));
        else q.set(p.name, typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value));
        mutation = `query ${p.name}`;
        query = q.toString();
      } else if (choice === 3) {
        query = rng.pick(['a=%E0%A4%A', '%', 'x[y]=1&x[z][w]=2', '__proto__[polluted]=1', 'limit=1&limit=2', `${'k'.repeat(300)}=${'v'.repeat(5000)}`, 'a=%00', '&&&==&']);
        mutation = 'query raw';
      } else {
        q.set(rng.pick(['unknown', 'constructor', '__proto__', '\u0000']), String(hostileValue(rng)).slice(0, 2000));
        query = q.toString();
        mutation = 'query unknown';
      }
      if (op.body && body !== undefined) jsonHeaders();
      break;
    }
    case 'headers': {
      const choice = rng.int(5);
      if (choice === 0) headers['accept-language'] = rng.pick(['zh-CN', 'xx', '*;q=abc', 'zh-CN,'.repeat(500)]);
      else if (choice === 1) headers['idempotency-key'] = rng.pick(['', 'short', 'k'.repeat(500), 'bad key with spaces']);
      else if (choice === 2) headers.cookie = rng.pick(['pavilion_session=pv_' + 'A'.repeat(43), 'pavilion_session=%E0%A4%A', 'pavilion_session=' + 'x'.repeat(4000), ';;=;']);
      else if (choice === 3) headers.origin = rng.pick(['https://evil.example', 'null', 'not a url']);
      else headers['x-request-id'] = rng.pick(['x'.repeat(300), '../..', '']);
      mutation = `header ${Object.keys(headers)[0] ?? ''}`;
      if (op.body && body !== undefined) jsonHeaders();
      break;
    }
    case 'content-type': {
      headers['content-type'] = rng.pick(contentTypes);
      payload = JSON.stringify(body ?? {});
      mutation = `content-type ${headers['content-type']}`;
      break;
    }
    case 'multipart': {
      const form = multipartBody(rng, png);
      headers['content-type'] = form.contentType;
      payload = form.payload;
      mutation = form.name;
      break;
    }
    case 'raw-json': {
      jsonHeaders();
      payload = rng.int(6) === 0 ? Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]) : rng.pick(rawJsonBodies);
      mutation = 'raw JSON body';
      break;
    }
    case 'field': {
      const paths = schemaPaths(op.body, resolve).filter((p) => p.path.length > 0);
      if (paths.length === 0) break;
      const target = rng.pick(paths);
      body = setAt(body, target.path, hostileFor(target.schema, rng, resolve));
      mutation = `field ${target.path.join('.')}`;
      jsonHeaders();
      break;
    }
    case 'missing': {
      const paths = schemaPaths(op.body, resolve).filter((p) => p.path.length > 0);
      if (paths.length === 0) break;
      const target = rng.pick(paths);
      body = setAt(body, target.path, undefined, true);
      mutation = `missing ${target.path.join('.')}`;
      jsonHeaders();
      break;
    }
    case 'unknown': {
      const objects = schemaPaths(op.body, resolve).filter((p) => p.schema.properties);
      const at = objects.length > 0 ? rng.pick(objects).path : [];
      body = setAt(body, [...at, rng.pick(['unknownField', 'constructor', 'x'.repeat(1000), '\u0000', 'id', 'status', 'role'])], hostileValue(rng));
      mutation = `unknown field at ${at.join('.') || 'the root'}`;
      jsonHeaders();
      break;
    }
    case 'root': {
      body = hostileValue(rng);
      mutation = 'the whole body';
      jsonHeaders();
      break;
    }
  }
  if (payload === undefined && body !== undefined && ['POST', 'PUT', 'PATCH', 'DELETE'].includes(op.method)) {
    payload = JSON.stringify(body);
    headers['content-type'] ??= 'application/json';
  }
  return { mutation, method: op.method, url: buildUrl(op, params, rawParams, query), headers, ...(payload === undefined ? {} : { payload }) };
}

/** The request as sent, runs of one character written `x×5000` so a huge input stays readable. */
function describeRequest(r: FuzzRequest): string {
  const short = (text: string, max: number) => text.replace(/(.)\1{15,}/gsu, (run, c: string) => `${c}×${[...run].length}`).slice(0, max);
  const payload = r.payload === undefined ? '' : ` body ${short(JSON.stringify(Buffer.isBuffer(r.payload) ? r.payload.toString('latin1') : r.payload), 400)}`;
  return `${r.mutation}: ${r.method} ${short(r.url, 300)} headers ${short(JSON.stringify(r.headers), 200)}${payload}`;
}

function isErrorBody(body: string): boolean {
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
    return typeof parsed.error?.code === 'string' && typeof parsed.error.message === 'string';
  } catch {
    return false;
  }
}

function hashString(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}
