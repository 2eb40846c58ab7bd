import assert from 'node:assert/strict';
import { test } from 'node:test';
import { notificationKinds } from '@pavilion/contracts';
import { audiencesOf, kindRules, maskEmail, messageIdFor, recipientsOf, renderNotification, type EventParties } from './notification.rules.ts';

const none: EventParties = { companyId: null, exporterId: null, userId: null, pavilionId: null };
const parties: EventParties = { ...none, companyId: 'c1', exporterId: 'e1' };

test('each kind goes to the party that must act on it', () => {
  assert.deepEqual(recipientsOf({ kind: 'inquiry_created', ...parties }), [{ side: 'exporter', id: 'e1' }]);
  assert.deepEqual(recipientsOf({ kind: 'rfq_matched', ...parties }), [{ side: 'exporter', id: 'e1' }]);
  assert.deepEqual(recipientsOf({ kind: 'quote_accepted', ...parties }), [{ side: 'exporter', id: 'e1' }]);
  assert.deepEqual(recipientsOf({ kind: 'quote_submitted', ...parties }), [{ side: 'company', id: 'c1' }]);
  assert.deepEqual(recipientsOf({ kind: 'quote_revised', ...parties }), [{ side: 'company', id: 'c1' }]);
  // A message names the side that must answer it.
  assert.deepEqual(recipientsOf({ kind: 'inquiry_message', ...none, exporterId: 'e1' }), [{ side: 'exporter', id: 'e1' }]);
  assert.deepEqual(recipientsOf({ kind: 'inquiry_message', ...none, companyId: 'c1' }), [{ side: 'company', id: 'c1' }]);
  assert.deepEqual(recipientsOf({ kind: 'rfq_deadline_near', ...none, exporterId: 'e1' }), [{ side: 'exporter', id: 'e1' }]);
  // A party the kind does not go to is not reached, whatever the event names.
  assert.deepEqual(recipientsOf({ kind: 'quote_submitted', ...parties, userId: 'u1', pavilionId: 'p1' }), [{ side: 'company', id: 'c1' }]);
});

test('an audience can be one user (a buyer) or the operators of a pavilion, for the kinds that go there', () => {
  // No kind goes to a buyer or to operators yet (the retail events come later): the path from a kind's sides to its audiences is the same for every side.
  assert.deepEqual(audiencesOf(['user'], { ...none, userId: 'buyer-1' }), [{ side: 'user', id: 'buyer-1' }]);
  assert.deepEqual(audiencesOf(['operators'], { ...none, pavilionId: 'fiji' }), [{ side: 'operators', id: 'fiji' }]);
  assert.deepEqual(audiencesOf(['user', 'operators'], { ...none, userId: 'buyer-1', pavilionId: 'fiji' }), [{ side: 'user', id: 'buyer-1' }, { side: 'operators', id: 'fiji' }]);
  assert.deepEqual(audiencesOf(['user'], parties), [], 'an event that names no user reaches none');
});

test('every kind has a link for each side it goes to, and its text in both languages', () => {
  for (const kind of notificationKinds) {
    for (const side of kindRules[kind].to) {
      for (const locale of ['en', 'zh-CN'] as const) {
        const n = renderNotification(kind, side, 's1', locale);
        assert.ok(n.title && n.body && n.link.startsWith('/'), `${kind} to ${side} in ${locale}`);
      }
    }
  }
});

test('texts in both languages, links by side', () => {
  assert.deepEqual(renderNotification('quote_submitted', 'company', 'q1', 'zh-CN'), { title: '收到新报价', body: '有出口商对您的询价请求报价了。', link: '/trade/rfqs' });
  assert.equal(renderNotification('inquiry_created', 'exporter', 'i1', 'en').title, 'New inquiry');
  assert.equal(renderNotification('inquiry_message', 'company', 'i1', 'en').link, '/trade/inquiries/i1');
});

test('emails are masked in logs; the Message-ID is the same for the same row', () => {
  assert.equal(maskEmail('amina@multani.example'), 'a***@multani.example');
  assert.equal(maskEmail('nonsense'), '***');
  assert.equal(messageIdFor('r1', 'pavilion.example'), messageIdFor('r1', 'pavilion.example'));
  assert.equal(messageIdFor('r1', 'pavilion.example'), '<notification.r1@pavilion.example>');
});
