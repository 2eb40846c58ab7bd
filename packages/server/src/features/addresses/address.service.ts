import type { Address } from '@pavilion/contracts';
import type { Db, Trx } from '../../db/database.ts';
import { requireRole } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Caller } from '../../platform/sessions.ts';
import { findChinaDistrict, listChinaCities, listChinaDistricts, listChinaProvinces, type ChinaDivision } from './china-address.rules.ts';
import { countAddresses, deleteAddress, findAddress, findAddresses, findNewestAddressId, insertAddress, makeDefault, updateAddress } from './address.repository.ts';
import { ADDRESS_BOOK_LIMIT, resolveAddress, toAddress, type AddressInput } from './address.rules.ts';

/**
 * The buyer's address book in mainland China. There is always exactly one default while the book is
 * not empty: the first address is it, choosing another moves it (in the same transaction), deleting it
 * hands it to the newest address left. Another buyer's address answers 404.
 */
export class AddressService {
  private readonly db: Db;
  private readonly clock: Clock;

  constructor(options: { db: Db; clock: Clock }) {
    this.db = options.db;
    this.clock = options.clock;
  }

  async list(caller: Caller | null): Promise<Address[]> {
    const buyer = requireRole(caller, 'buyer');
    return (await findAddresses(this.db, buyer.userId)).map(toAddress);
  }

  async create(caller: Caller | null, input: AddressInput): Promise<Address> {
    const buyer = requireRole(caller, 'buyer');
    const values = checked(input);
    const now = this.clock().toISOString();
    const id = newId();
    return this.db.transaction().execute(async (trx) => {
      const count = await countAddresses(trx, buyer.userId);
      if (count >= ADDRESS_BOOK_LIMIT) {
        throw new AppError('VALIDATION_FAILED', { details: [{ field: 'body', rule: 'address_book_full', message: `an address book holds ${ADDRESS_BOOK_LIMIT} addresses at most` }] });
      }
      await insertAddress(trx, { ...values, id, user_id: buyer.userId, is_default: 0, created_at: now, updated_at: now });
      if (count === 0 || input.isDefault) await makeDefault(trx, buyer.userId, id);
      return this.getIn(trx, buyer.userId, id);
    });
  }

  /**
   * Replaces an address. `isDefault: true` makes it the default; `false` does not take the default
   * away (the book keeps one: the buyer chooses another instead).
   */
  async update(caller: Caller | null, id: string, input: AddressInput): Promise<Address> {
    const buyer = requireRole(caller, 'buyer');
    const values = checked(input);
    return this.db.transaction().execute(async (trx) => {
      if (!(await updateAddress(trx, buyer.userId, id, { ...values, updated_at: this.clock().toISOString() }))) throw notFound();
      if (input.isDefault) await makeDefault(trx, buyer.userId, id);
      return this.getIn(trx, buyer.userId, id);
    });
  }

  async remove(caller: Caller | null, id: string): Promise<void> {
    const buyer = requireRole(caller, 'buyer');
    await this.db.transaction().execute(async (trx) => {
      const deleted = await deleteAddress(trx, buyer.userId, id);
      if (!deleted) throw notFound();
      if (deleted.wasDefault) {
        const next = await findNewestAddressId(trx, buyer.userId);
        if (next) await makeDefault(trx, buyer.userId, next);
      }
    });
  }

  /** For checkout, in its transaction: one of the buyer's addresses, or null (not theirs, or gone). */
  async forOrder(trx: Db | Trx, userId: string, addressId: string): Promise<Address | null> {
    const row = await findAddress(trx, userId, addressId);
    return row ? toAddress(row) : null;
  }

  private async getIn(trx: Trx, userId: string, id: string): Promise<Address> {
    const row = await findAddress(trx, userId, id);
    if (!row) throw notFound();
    return toAddress(row);
  }
}

/**
 * The address picker's next level: provinces without a parent, a province's prefecture-level
 * divisions, a prefecture's districts; a district has none. A code that is none of these: 404.
 */
export function listDivisions(parent: string | undefined): ChinaDivision[] {
  if (parent === undefined) return listChinaProvinces();
  const cities = listChinaCities(parent);
  if (cities.length > 0) return cities;
  const districts = listChinaDistricts(parent);
  if (districts.length > 0 || findChinaDistrict(parent)) return districts;
  throw new AppError('NOT_FOUND', { details: [{ field: 'querystring.parent', rule: 'china_division', message: 'is not a division of mainland China' }] });
}

function checked(input: AddressInput) {
  const resolved = resolveAddress(input);
  if (!resolved.ok) throw new AppError('VALIDATION_FAILED', { details: resolved.issues });
  return resolved.values;
}
