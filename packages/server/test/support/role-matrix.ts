import assert from 'node:assert/strict';
import type { Db } from '../../src/db/database.ts';
import type { TestApp } from './test-app.ts';
import { bearer, tokenFor } from './sessions.ts';
import { demoAdmin, demoBuyer, demoCompany, demoExporters, demoPavilions } from '../../src/features/demo/demo-data.ts';

/**
 * Who calls, in the role matrix. Each is a demo account: "exporter" and "otherExporter" belong to
 * different exporters (and pavilions), "operator" runs the Pakistan pavilion and "otherOperator"
 * the Pacific one, so a route that leaks across scopes shows up as a wrong status.
 */
export const actorLogins = {
  anonymous: null,
  buyer: demoBuyer.phone,
  importer: demoCompany.owner.email,
  exporter: demoExporters[0].member.email,
  otherExporter: demoExporters[4].member.email,
  operator: demoPavilions[0].operator.email,
  otherOperator: demoPavilions[1].operator.email,
  admin: demoAdmin.email,
} as const;
export type Actor = keyof typeof actorLogins;
export const actors = Object.keys(actorLogins) as Actor[];

export interface MatrixCase {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /**
   * The concrete URL called (route params filled in), or a function that builds it from the seeded
   * database when it needs an id the seed generated (then `route` is required).
   */
  url: string | ((db: Db) => Promise<string>);
  /** The route pattern as Fastify knows it, when it differs from `url`: used for the coverage check. */
  route?: string;
  payload?: unknown;
  expect: Record<Actor, number>;
}

/** The route pattern a case covers: `route`, or the URL itself when it is a fixed one. */
export const caseRoute = (c: MatrixCase): string => c.route ?? (typeof c.url === 'string' ? c.url : '(a URL function without route)');

/** Builds an expectation where every actor gets `otherwise` except those named. */
export function expectAll(otherwise: number, except: Partial<Record<Actor, number>> = {}): Record<Actor, number> {
  return Object.fromEntries(actors.map((a) => [a, except[a] ?? otherwise])) as Record<Actor, number>;
}

/** Signs every actor in (bearer tokens) and checks each case for each actor; reports every mismatch at once. */
export async function checkRoleMatrix(ta: TestApp, cases: MatrixCase[]): Promise<void> {
  const tokens = new Map<Actor, string>();
  for (const actor of actors) {
    const login = actorLogins[actor];
    if (login) tokens.set(actor, await tokenFor(ta.testDb.database.db, login));
  }
  const mismatches: string[] = [];
  for (const c of cases) {
    const url = typeof c.url === 'string' ? c.url : await c.url(ta.testDb.database.db);
    for (const actor of actors) {
      const token = tokens.get(actor);
      const res = await ta.app.inject({
        method: c.method,
        url,
        headers: token ? bearer(token) : {},
        ...(c.payload === undefined ? {} : { payload: c.payload as object }),
      });
      if (res.statusCode !== c.expect[actor]) {
        mismatches.push(`${c.method} ${url} as ${actor}: expected ${c.expect[actor]}, got ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
    }
  }
  assert.deepEqual(mismatches, [], `role matrix mismatches:\n${mismatches.join('\n')}`);
}
