import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskEmail, messageIdFor, recipientsOf, renderNotification } from './notification.rules.ts';

const parties = { companyId: 'c1', exporterId: 'e1' };

test('each kind goes to the party that must act on it', () => {
  assert.deepEqual(recipientsOf({ kind: 'inquiry_created', ...parties }), [{ side: 'exporter', id: 'e1' }]);
  assert.deepEqual(recipientsOf({ kind: 'rfq_matched', ...parties }), [{ side: 'exporter', id: 'e1' }]);
  assert.deepEqual(recipientsOf({ kind: 'quote_accepted', ...parties }), [{ side: 'exporter', id: 'e1' }]);
  assert.deepEqual(recipientsOf({ kind: 'quote_submitted', ...parties }), [{ side: 'company', id: 'c1' }]);
  assert.deepEqual(recipientsOf({ kind: 'quote_revised', ...parties }), [{ side: 'company', id: 'c1' }]);
  // A message names the side that must answer it.
  assert.deepEqual(recipientsOf({ kind: 'inquiry_message', companyId: null, exporterId: 'e1' }), [{ side: 'exporter', id: 'e1' }]);
  assert.deepEqual(recipientsOf({ kind: 'inquiry_message', companyId: 'c1', exporterId: null }), [{ side: 'company', id: 'c1' }]);
  assert.deepEqual(recipientsOf({ kind: 'rfq_deadline_near', companyId: null, exporterId: 'e1' }), [{ side: 'exporter', id: 'e1' }]);
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
