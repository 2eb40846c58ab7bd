import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exporterStatuses } from '@pavilion/contracts';
import { attachmentDisposition, cleanFileName, documentKey, documentsDeletable } from './exporter-documents.rules.ts';

test('documents live outside media/, under their exporter', () => {
  assert.equal(documentKey('e1', 'd1'), 'documents/e1/d1');
});

test('documents can be deleted while pending or rejected, not once reviewed', () => {
  assert.deepEqual(exporterStatuses.filter(documentsDeletable), ['pending', 'rejected']);
});

test('file names lose their path and control characters and stay at most 200 characters with the extension', () => {
  assert.equal(cleanFileName('C:\\Users\\imran\\licence.pdf'), 'licence.pdf');
  assert.equal(cleanFileName('../../etc/passwd'), 'passwd');
  assert.equal(cleanFileName('a\u0000b\nc.pdf'), 'abc.pdf');
  assert.equal(cleanFileName('   '), 'document');
  const long = cleanFileName(`${'x'.repeat(300)}.pdf`);
  assert.equal(long.length, 200);
  assert.ok(long.endsWith('.pdf'));
});

test('downloads keep a UTF-8 name with an ASCII fallback', () => {
  assert.equal(attachmentDisposition('licence.pdf'), `attachment; filename="licence.pdf"; filename*=UTF-8''licence.pdf`);
  assert.equal(attachmentDisposition('营业执照 (1).pdf'), `attachment; filename="____ (1).pdf"; filename*=UTF-8''%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7%20%281%29.pdf`);
  assert.equal(attachmentDisposition('a"b\\c.pdf'), `attachment; filename="a_b_c.pdf"; filename*=UTF-8''a%22b%5Cc.pdf`);
});
