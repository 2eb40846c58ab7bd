import { z } from 'zod';
import { singleLineText } from './text.ts';
import { customsModes } from './catalog.ts';
import { validationMessages as m } from './validation.ts';

/**
 * What happens to the parcel after payment: the shipment (carrier, tracking number, the logistics
 * record's number customs matches in CEB511), the carrier's tracking events, delivery and
 * completion. A bonded (1210) order leaves the bonded warehouse after customs releases it; a direct
 * (9610) order is sent abroad by the exporter and cleared when it arrives.
 */

/**
 * Carriers as data: code, names, and where they carry (domestic: inside mainland China, from the
 * bonded warehouse; international: from the exporter's country). 'other' needs a name of its own.
 */
export const carriers = {
  SF: { zh: '顺丰速运', en: 'SF Express', domestic: true, international: true },
  EMS: { zh: '中国邮政 EMS', en: 'China Post EMS', domestic: true, international: true },
  JD: { zh: '京东物流', en: 'JD Logistics', domestic: true, international: false },
  YTO: { zh: '圆通速递', en: 'YTO Express', domestic: true, international: false },
  ZTO: { zh: '中通快递', en: 'ZTO Express', domestic: true, international: false },
  STO: { zh: '申通快递', en: 'STO Express', domestic: true, international: false },
  YUNDA: { zh: '韵达快递', en: 'Yunda Express', domestic: true, international: false },
  DHL: { zh: 'DHL 国际快递', en: 'DHL Express', domestic: false, international: true },
  FEDEX: { zh: '联邦快递', en: 'FedEx', domestic: false, international: true },
  UPS: { zh: 'UPS 快递', en: 'UPS', domestic: false, international: true },
  PAKPOST: { zh: '巴基斯坦邮政 EMS', en: 'Pakistan Post EMS', domestic: false, international: true },
  FIJIPOST: { zh: '斐济邮政', en: 'Post Fiji', domestic: false, international: true },
  SAMOAPOST: { zh: '萨摩亚邮政', en: 'SamoaPost', domestic: false, international: true },
  TONGAPOST: { zh: '汤加邮政', en: 'Tonga Post', domestic: false, international: true },
  PNGPOST: { zh: '巴布亚新几内亚邮政', en: 'PNG Post', domestic: false, international: true },
  other: { zh: '其他承运商', en: 'Other carrier', domestic: true, international: true },
} as const satisfies Record<string, { zh: string; en: string; domestic: boolean; international: boolean }>;
export type CarrierCode = keyof typeof carriers;
export const carrierCodes = Object.keys(carriers) as [CarrierCode, ...CarrierCode[]];

/** A waybill number as carriers print them: 6–40 letters and digits (stored upper-case). */
export const TRACKING_NUMBER = /^[A-Za-z0-9]{6,40}$/;
export const trackingNumberSchema = z.string().trim().regex(TRACKING_NUMBER, { message: m.trackingNumber.en }).transform((s) => s.toUpperCase());

/** How the carrier reports a parcel's progress (a feed's own codes are mapped to these). */
export const trackingStatuses = ['picked_up', 'in_transit', 'arrived', 'customs_clearance', 'out_for_delivery', 'delivered', 'exception'] as const;
export type TrackingStatus = (typeof trackingStatuses)[number];

export const shipmentKinds = ['bonded', 'direct'] as const;

const grams = z.number().int({ message: m.shipmentWeight.en }).min(1, { message: m.shipmentWeight.en }).max(1_000_000, { message: m.shipmentWeight.en });
const carrierName = singleLineText(60).default('');

/** A bonded (1210) order leaving the bonded warehouse (operators). */
export const bondedShipmentInputSchema = z
  .object({
    carrier: z.enum(carrierCodes),
    /** Only for 'other': the carrier's name as the waybill prints it. */
    carrierName,
    trackingNumber: trackingNumberSchema,
    weightGrams: grams.optional(),
  })
  .strict();
export type BondedShipmentInput = z.infer<typeof bondedShipmentInputSchema>;

/** A direct (9610) parcel sent by the exporter; weight is what customs' logistics record carries. */
export const directShipmentInputSchema = z
  .object({
    carrier: z.enum(carrierCodes),
    carrierName,
    trackingNumber: trackingNumberSchema,
    weightGrams: grams,
    /**
     * The logistics record's number (CEB511 logisticsNo) when the carrier declares the parcel under
     * a number other than its tracking number (a consolidator's waybill); blank: the tracking number.
     */
    logisticsNo: trackingNumberSchema.optional(),
  })
  .strict();
export type DirectShipmentInput = z.infer<typeof directShipmentInputSchema>;

export const trackingEventInputSchema = z
  .object({
    at: z.iso.datetime({ offset: true, message: m.isoDateTime.en }),
    status: z.enum(trackingStatuses),
    placeZh: singleLineText(100).min(1, { message: m.required.en }),
    placeEn: singleLineText(100).default(''),
    textZh: singleLineText(200).min(1, { message: m.required.en }),
    textEn: singleLineText(200).default(''),
  })
  .strict();
export type TrackingEventInput = z.infer<typeof trackingEventInputSchema>;
export const trackingEventsInputSchema = z.object({ events: z.array(trackingEventInputSchema).min(1, { message: m.required.en }).max(100) }).strict();

/** A carrier feed (or an operator's batch): events for many parcels, known by carrier and tracking number. */
export const trackingFeedInputSchema = z
  .object({
    items: z
      .array(z.object({ carrier: z.enum(carrierCodes), carrierName, trackingNumber: trackingNumberSchema, events: z.array(trackingEventInputSchema).min(1).max(100) }).strict())
      .min(1, { message: m.required.en })
      .max(500),
  })
  .strict();
export type TrackingFeedInput = z.infer<typeof trackingFeedInputSchema>;

export const trackingEventSchema = z.object({
  at: z.string(),
  status: z.enum(trackingStatuses),
  /** Chinese: what the buyer reads. */
  place: z.string(),
  text: z.string(),
  placeEn: z.string(),
  textEn: z.string(),
});
export type TrackingEvent = z.infer<typeof trackingEventSchema>;

/** A parcel as the buyer's order detail shows it: events sorted by time, oldest first. */
export const orderShipmentSchema = z.object({
  carrier: z.enum(carrierCodes),
  carrierNameZh: z.string(),
  carrierNameEn: z.string(),
  trackingNumber: z.string(),
  shippedAt: z.string(),
  events: z.array(trackingEventSchema),
});
export type OrderShipment = z.infer<typeof orderShipmentSchema>;

/** The shipment in the consoles: also its kind, weight and the logistics record's number. */
export const shipmentSchema = orderShipmentSchema.extend({
  kind: z.enum(shipmentKinds),
  weightGrams: z.number().int().nullable(),
  logisticsNo: z.string(),
});
export type Shipment = z.infer<typeof shipmentSchema>;

/** Why an order cannot ship now (each answered in both languages). */
export const shipBlockers = ['not_paid', 'held', 'not_released', 'not_declared', 'customs_rejected', 'bonded_by_warehouse'] as const;
export type ShipBlocker = (typeof shipBlockers)[number];

/** Fulfilment queues: to ship now, waiting (paid but customs or a hold keeps it), shipped, delivered, completed. */
export const fulfilmentStates = ['to_ship', 'waiting', 'shipped', 'delivered', 'completed'] as const;
export type FulfilmentState = (typeof fulfilmentStates)[number];
export const fulfilmentQuerySchema = z
  .object({
    state: z.enum(fulfilmentStates).default('to_ship'),
    mode: z.enum(customsModes).optional(),
  })
  .strict();

/** The order as a shipping queue shows it: what to pack and where to (exporters see no identity: PIPL). */
export const fulfilmentOrderSchema = z.object({
  id: z.string(),
  number: z.string(),
  status: z.string(),
  customsMode: z.enum(customsModes),
  customsStatus: z.string(),
  hold: z.string().nullable(),
  exporter: z.object({ id: z.string(), nameZh: z.string(), nameEn: z.string() }),
  lines: z.array(z.object({ sku: z.string(), titleZh: z.string(), titleEn: z.string(), quantity: z.number().int() })),
  totalFen: z.number().int(),
  consignee: z.object({ name: z.string(), phone: z.string(), address: z.string() }),
  paidAt: z.string().nullable(),
  releasedAt: z.string().nullable(),
  shippedAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  completedAt: z.string().nullable(),
});
export type FulfilmentOrder = z.infer<typeof fulfilmentOrderSchema>;

export const fulfilmentItemSchema = z.object({
  order: fulfilmentOrderSchema,
  shipment: shipmentSchema.nullable(),
  /** What keeps a paid order from shipping now; null when it can ship (or has). */
  blocker: z.enum(shipBlockers).nullable(),
  /** When the order entered its queue (released, paid, shipped, delivered, completed) and how long ago, in minutes. */
  since: z.string(),
  ageMinutes: z.number().int(),
});
export type FulfilmentItem = z.infer<typeof fulfilmentItemSchema>;
export const fulfilmentListSchema = z.object({ items: z.array(fulfilmentItemSchema) });

/** The bonded warehouse's spreadsheet of waybills: all or nothing; a line already shipped with the same number is left as it is. */
export const shipmentUploadResultSchema = z.object({ shipped: z.number().int(), unchanged: z.number().int() });
export type ShipmentUploadResult = z.infer<typeof shipmentUploadResultSchema>;
export const trackingEventsResultSchema = z.object({ added: z.number().int(), repeated: z.number().int() });
