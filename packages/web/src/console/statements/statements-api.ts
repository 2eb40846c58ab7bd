import { type endpoints } from '@pavilion/contracts';

export type StatementQuery = { month?: string; exporter?: string };

/** The endpoints of a statements page: the same shapes for an exporter (its own) and an operator (its pavilions'). */
export type StatementEndpoints =
  | { list: typeof endpoints.exporter.getStatements; get: typeof endpoints.exporter.getStatement; download: typeof endpoints.exporter.downloadStatement }
  | { list: typeof endpoints.operator.getStatements; get: typeof endpoints.operator.getStatement; download: typeof endpoints.operator.downloadStatement };
