import { IDENTITY_CONSENT_VERSION } from '@pavilion/contracts';
import { expectAll, type MatrixCase } from '../role-matrix.ts';

/** Buyers only: anonymous 401, staff and importers 403, the buyer `status`. */
const buyersOnly = (status: number) => expectAll(403, { anonymous: 401, buyer: status });
/** The cart: guests too (a guest cart), staff 403. */
const buyersAndGuests = (status: number, guest = status) => expectAll(403, { anonymous: guest, buyer: status });
const randomId = '00000000-0000-4000-8000-000000000000';
const address = { name: '李娜', phone: '13800138000', provinceCode: '440000', cityCode: '440300', districtCode: '440305', street: '科技园南区 1 栋' };

/** The buyer's side: cart, address book, real-name identities; the division picker is public. */
export const buyerCases: MatrixCase[] = [
  { method: 'GET', url: '/api/store/cart', expect: buyersAndGuests(200) },
  // An unknown variant: the role is checked first (staff 403), then the variant (404).
  { method: 'POST', url: '/api/store/cart/lines', payload: { variantId: randomId, quantity: 1 }, expect: buyersAndGuests(404) },
  { method: 'PUT', url: `/api/store/cart/lines/${randomId}`, route: '/api/store/cart/lines/:variantId', payload: { quantity: 2 }, expect: buyersAndGuests(404) },
  { method: 'DELETE', url: `/api/store/cart/lines/${randomId}`, route: '/api/store/cart/lines/:variantId', expect: buyersAndGuests(404) },
  // A token that names no cart leaves the buyer's cart as it is.
  { method: 'POST', url: '/api/store/cart/merge', payload: { guestToken: 'A'.repeat(43) }, expect: buyersOnly(200) },
  { method: 'GET', url: '/api/store/divisions', expect: expectAll(200) },
  { method: 'GET', url: '/api/store/addresses', expect: buyersOnly(200) },
  { method: 'POST', url: '/api/store/addresses', payload: address, expect: buyersOnly(201) },
  { method: 'PUT', url: `/api/store/addresses/${randomId}`, route: '/api/store/addresses/:id', payload: address, expect: buyersOnly(404) },
  { method: 'DELETE', url: `/api/store/addresses/${randomId}`, route: '/api/store/addresses/:id', expect: buyersOnly(404) },
  { method: 'POST', url: '/api/store/identities/consent', payload: { textVersion: IDENTITY_CONSENT_VERSION }, expect: buyersOnly(201) },
  { method: 'GET', url: '/api/store/identities', expect: buyersOnly(200) },
  { method: 'POST', url: '/api/store/identities', payload: { name: '李娜', idNumber: '110105199003071239' }, expect: buyersOnly(201) },
  { method: 'DELETE', url: `/api/store/identities/${randomId}`, route: '/api/store/identities/:id', expect: buyersOnly(404) },
];
