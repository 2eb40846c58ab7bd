import type { z } from 'zod';
import type {
  exporterDocumentSchema,
  exporterProductListSchema,
  imageSchema, warehouseSchema, exporterProductSchema} from '@pavilion/contracts';
import type { stockUpdateSchema, warehouseInputSchema } from '@pavilion/contracts';

export type ExporterProduct = z.output<typeof exporterProductSchema>;
export type ExporterProductList = z.output<typeof exporterProductListSchema>;
export type ExporterProductListItem = ExporterProductList['items'][number];
export type ProductImage = z.output<typeof imageSchema>;
export type ExporterDocument = z.output<typeof exporterDocumentSchema>;
export type Warehouse = z.output<typeof warehouseSchema>;
export type WarehouseInput = z.output<typeof warehouseInputSchema>;
export type StockUpdate = z.output<typeof stockUpdateSchema>;

