import { z } from 'zod';
import { customsStatuses, orderHolds, orderStatuses, taxPartsSchema } from './orders.ts';

/**
 * The operator's customs queue: each paid cross-border order with where it stands with customs
 * (the order message CEB311 and its receipts CEB312, the payment declaration and its identity
 * check), and the corrections an operator may make before resending. Buyer identities appear
 * masked only.
 */

/** The queue's filters: a customs status, `invalid` (a message that failed validation, never sent) or `held`. */
export const customsQueueFilters = [...customsStatuses, 'invalid', 'held'] as const;
export const customsQueueQuerySchema = z.object({ status: z.enum(customsQueueFilters).optional() }).strict();

export const declarationStatuses = ['invalid', 'queued', 'sent', 'accepted', 'rejected', 'released'] as const;
export const identityChecks = ['UNCHECKED', 'SAME', 'DIFFERENT'] as const;

/** Why a message may not leave: the field (OrderHead.buyerIdNumber, OrderList[2].unit), the rule, a message in both languages. */
export const customsProblemSchema = z.object({ field: z.string(), rule: z.string(), message: z.object({ zh: z.string(), en: z.string() }) });
export type CustomsProblem = z.infer<typeof customsProblemSchema>;

export const customsReceiptSchema = z.object({
  guid: z.string(),
  returnStatus: z.string(),
  /** What the status means, from the receipt status table (海关入库成功, 海关退单, 放行, …); null for a code not in it. */
  label: z.object({ zh: z.string(), en: z.string() }).nullable(),
  returnTime: z.string(),
  returnInfo: z.string(),
  receivedAt: z.string(),
});

export const paymentDeclarationSchema = z.object({
  provider: z.string(),
  state: z.string(),
  identityCheck: z.enum(identityChecks),
  answer: z.record(z.string(), z.string()),
  declaredAt: z.string(),
});

export const customsQueueItemSchema = z.object({
  orderId: z.string(),
  number: z.string(),
  pavilionId: z.string(),
  status: z.enum(orderStatuses),
  customsMode: z.enum(['9610', '1210']),
  customsStatus: z.enum(customsStatuses),
  hold: z.enum(orderHolds).nullable(),
  /** 'general': the single item above the per-order limit, declared like any other and taxed in full. */
  regime: z.enum(['cbec', 'general']),
  totalFen: z.number().int(),
  /** The declared taxTotal, and its parts (null on orders placed before the parts were stored). */
  taxFen: z.number().int(),
  taxParts: taxPartsSchema.nullable(),
  paidAt: z.string().nullable(),
  releasedAt: z.string().nullable(),
  latest: z
    .object({ guid: z.string(), appType: z.enum(['1', '2']), status: z.enum(declarationStatuses), createdAt: z.string(), sentAt: z.string().nullable() })
    .nullable(),
  lastReceipt: customsReceiptSchema.nullable(),
  /** The latest message's validation problems (empty unless it is invalid). */
  errors: z.array(customsProblemSchema),
  identityCheck: z.enum(identityChecks).nullable(),
});
export type CustomsQueueItem = z.infer<typeof customsQueueItemSchema>;
export const customsQueueSchema = z.object({ items: z.array(customsQueueItemSchema) });

export const customsDeclarationSchema = z.object({
  guid: z.string(),
  appType: z.enum(['1', '2']),
  status: z.enum(declarationStatuses),
  errors: z.array(customsProblemSchema),
  /** The message as sent, with the buyer's name and ID number masked. */
  messageXml: z.string(),
  returnStatus: z.string().nullable(),
  returnInfo: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});

export const customsUnitCodeSchema = z.string().regex(/^\d{3}$/, { message: 'must be a 3-digit customs unit code' });

/** What an operator may correct before resending: the consignee as declared, and each line's Chinese name and unit. */
export const customsCorrectionsSchema = z
  .object({
    consignee: z
      .object({
        name: z.string().trim().min(1).max(100).optional(),
        telephone: z.string().trim().min(1).max(50).optional(),
        address: z.string().trim().min(1).max(200).optional(),
      })
      .strict()
      .optional(),
    lines: z
      .array(
        z
          .object({
            lineNo: z.number().int().min(1).max(9999),
            itemName: z.string().trim().min(1).max(250).optional(),
            unit: customsUnitCodeSchema.optional(),
            /** A customs country code of origin (3 digits, from the detail's `countries`). */
            country: z.string().regex(/^\d{3}$/, { message: 'must be a 3-digit customs country code' }).optional(),
          })
          .strict(),
      )
      .max(100)
      .optional(),
  })
  .strict();
export type CustomsCorrections = z.infer<typeof customsCorrectionsSchema>;
export const customsResendInputSchema = z.object({ corrections: customsCorrectionsSchema.optional() }).strict();

export const customsDetailSchema = z.object({
  order: customsQueueItemSchema,
  declarations: z.array(customsDeclarationSchema),
  receipts: z.array(customsReceiptSchema),
  paymentDeclaration: paymentDeclarationSchema.nullable(),
  corrections: z.object({
    consignee: z.object({ name: z.string().optional(), telephone: z.string().optional(), address: z.string().optional() }).optional(),
    lines: z.record(z.string(), z.object({ itemName: z.string().optional(), unit: z.string().optional(), country: z.string().optional() })).optional(),
  }),
  /** The order's lines, for the corrections form. */
  lines: z.array(z.object({ lineNo: z.number().int(), sku: z.string(), titleZh: z.string() })),
  /** The customs unit codes an operator may choose from, code → Chinese name. */
  units: z.record(z.string(), z.string()),
  /** The customs country codes an operator may choose from, code → ISO country. */
  countries: z.record(z.string(), z.string()),
});
export type CustomsDetail = z.infer<typeof customsDetailSchema>;
