import { validationMessages as m, type ValidationIssue } from '@pavilion/contracts';

/** What an operator may do to a pavilion: run it (operator grant for it) or be a platform admin. */
export function canOperate(scope: string[] | 'all', pavilionId: string): boolean {
  return scope === 'all' || scope.includes(pavilionId);
}

/**
 * The featured lists: each id once, exporters approved in this pavilion, products published in it
 * (the caller looks those up). Issues name the offending entry, `body.productIds.3`.
 */
export function featureIssues(input: {
  exporterIds: string[];
  productIds: string[];
  approvedExporterIds: ReadonlySet<string>;
  listedProductIds: ReadonlySet<string>;
}): ValidationIssue[] {
  const check = (ids: string[], field: string, known: ReadonlySet<string>, rule: string, message: string): ValidationIssue[] =>
    ids.flatMap((id, i): ValidationIssue[] => {
      if (ids.indexOf(id) !== i) return [{ field: `body.${field}.${i}`, rule: 'duplicate', message: m.duplicate.en }];
      if (!known.has(id)) return [{ field: `body.${field}.${i}`, rule, message }];
      return [];
    });
  return [
    ...check(input.exporterIds, 'exporterIds', input.approvedExporterIds, 'not_pavilion_exporter', m.notPavilionExporter.en),
    ...check(input.productIds, 'productIds', input.listedProductIds, 'not_pavilion_product', m.notPavilionProduct.en),
  ];
}
