import type { z } from 'zod';
import type { paymentStartSchema, divisionListSchema} from '@pavilion/contracts';
import type { checkoutPayInputSchema, addressInputSchema, identityInputSchema } from '@pavilion/contracts';

/** The storefront's buying types: address book, real-name identities, divisions and payment. */
export type AddressInput = z.input<typeof addressInputSchema>;
export type IdentityInput = z.output<typeof identityInputSchema>;
export type Division = z.output<typeof divisionListSchema>['items'][number];
export type PaymentStart = z.output<typeof paymentStartSchema>;
export type CheckoutPayInput = z.output<typeof checkoutPayInputSchema>;

