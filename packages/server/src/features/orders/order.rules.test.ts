import assert from 'node:assert/strict';
import { test } from 'node:test';
import { orderStatuses, type OrderStatus } from '@pavilion/contracts';
import { nextStatus, orderEvents, orderNumber, type OrderEvent } from './order.rules.ts';

// Every state × event: where it leads, or null when the event does not apply.
const table: Record<OrderStatus, Partial<Record<OrderEvent, OrderStatus>>> = {
  pending_payment: { pay: 'paid', cancel: 'cancelled', expire: 'cancelled' },
  paid: { ship: 'shipped', request_refund: 'refunding' },
  shipped: { deliver: 'delivered' },
  delivered: { complete: 'completed', return_refunded: 'refunded' },
  completed: { return_refunded: 'refunded' },
  cancelled: { pay_late: 'paid' },
  refunding: { refund: 'refunded' },
  refunded: {},
};

test('the order state machine, state by event', () => {
  for (const status of orderStatuses) {
    for (const event of orderEvents) {
      assert.equal(nextStatus(status, event), table[status][event] ?? null, `${status} + ${event}`);
    }
  }
});

test('order numbers are readable (China date and six unambiguous characters) and differ', () => {
  const numbers = new Set(Array.from({ length: 2000 }, () => orderNumber('2026-11-23')));
  assert.equal(numbers.size, 2000);
  for (const n of numbers) assert.match(n, /^PV20261123-[0-9A-HJKMNP-TV-Z]{6}$/);
});
