import type { MatrixCase } from '../role-matrix.ts';
import { foundationCases } from './foundation.ts';

/** Every feature's cases. Logout comes last: it ends the actors' sessions. */
const logout = (c: MatrixCase) => c.url === '/api/auth/logout';
const cases: MatrixCase[] = [...foundationCases];
export const allCases: MatrixCase[] = [...cases.filter((c) => !logout(c)), ...cases.filter(logout)];
