import { type CommissionInput, type EndpointOutput, type StatementFileFormat, endpoints } from '@pavilion/contracts';
import { api, hrefOf } from '../../api/client.ts';

export type StatementQuery = { month?: string; exporter?: string };

/** The calls of a statements page: the same shapes for an exporter (its own) and an operator (its pavilions'). */
export type StatementsApi = {
  list: (q: StatementQuery) => Promise<EndpointOutput<typeof endpoints.exporter.getStatements>>;
  get: (id: string) => Promise<EndpointOutput<typeof endpoints.exporter.getStatement>>;
  fileUrl: (id: string, format: StatementFileFormat) => string;
};

export const exporterStatementsApi: StatementsApi = {
  list: (q) => api(endpoints.exporter.getStatements, { query: { month: q.month } }),
  get: (id) => api(endpoints.exporter.getStatement, { params: { id } }),
  fileUrl: (id, format) => hrefOf(endpoints.exporter.downloadStatement, { params: { id }, query: { format } }),
};
export const operatorStatementsApi: StatementsApi = {
  list: (q) => api(endpoints.operator.getStatements, { query: q }),
  get: (id) => api(endpoints.operator.getStatement, { params: { id } }),
  fileUrl: (id, format) => hrefOf(endpoints.operator.downloadStatement, { params: { id }, query: { format } }),
};

export const commissionApi = {
  get: (pavilionId: string) => api(endpoints.operator.getPavilionCommission, { params: { id: pavilionId } }),
  set: (pavilionId: string, body: CommissionInput) => api(endpoints.operator.setPavilionCommission, { params: { id: pavilionId }, body: body }),
};
