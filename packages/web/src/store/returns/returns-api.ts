import type { z } from 'zod';
import type { imageSchema} from '@pavilion/contracts';
import type { returnShipmentInputSchema } from '@pavilion/contracts';

/** The parcel going back to the exporter. */
export type ReturnShipmentInput = z.output<typeof returnShipmentInputSchema>;
export type ReturnPhoto = z.output<typeof imageSchema>;

