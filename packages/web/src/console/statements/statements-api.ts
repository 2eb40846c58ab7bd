import { statementDetailSchema, statementListSchema, type CommissionInput, type StatementFileFormat, endpoints } from '@pavilion/contracts';
import { call, seg } from '../console-api.ts';
import { api } from '../../api/client.ts';

export type StatementQuery = { month?: string; exporter?: string };

const queryString = (q: StatementQuery) => {
  const params = new URLSearchParams();
  if (q.exporter !== undefined) params.set('exporter', q.exporter);
  if (q.month !== undefined) params.set('month', q.month);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
};

/** The calls of a statements page: the same shapes for an exporter (its own) and an operator (its pavilions'). */
export type StatementsApi = {
  list: (q: StatementQuery) => ReturnType<typeof listAt>;
  get: (id: string) => ReturnType<typeof getAt>;
  fileUrl: (id: string, format: StatementFileFormat) => string;
};

const listAt = (base: string, q: StatementQuery) => call('GET', `${base}${queryString(q)}`, statementListSchema);
const getAt = (base: string, id: string) => call('GET', `${base}/${seg(id)}`, statementDetailSchema);
const apiAt = (base: string): StatementsApi => ({
  list: (q) => listAt(base, { month: q.month }),
  get: (id) => getAt(base, id),
  fileUrl: (id, format) => `${base}/${seg(id)}/download?format=${format}`,
});

export const exporterStatementsApi: StatementsApi = apiAt('/api/exporter/statements');
export const operatorStatementsApi: StatementsApi = { ...apiAt('/api/operator/statements'), list: (q) => listAt('/api/operator/statements', q) };

export const commissionApi = {
  get: (pavilionId: string) => api(endpoints.operator.getPavilionCommission, { params: { id: pavilionId } }),
  set: (pavilionId: string, body: CommissionInput) => api(endpoints.operator.setPavilionCommission, { params: { id: pavilionId }, body: body }),
};
