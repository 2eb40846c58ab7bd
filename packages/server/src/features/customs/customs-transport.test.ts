import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { DirectoryCustomsTransport, messageFileName } from './customs-transport.ts';

const root = mkdtempSync(path.join(tmpdir(), 'pavilion-customs-'));
after(() => rmSync(root, { recursive: true, force: true }));

function setup(name: string) {
  const dir = path.join(root, name);
  const options = { outboxDir: path.join(dir, 'outbox'), inboxDir: path.join(dir, 'inbox'), stateDir: path.join(dir, 'state') };
  return { dir, options, transport: new DirectoryCustomsTransport(options) };
}
const guid = '4F2011FC-4ED0-478C-B190-22E76EF8B78A';
const message = { guid, fileName: messageFileName(guid), xml: '<ceb:CEB311Message/>' };

test('a message is handed over once, even after the customs client took it from the outbox', async () => {
  const { options, transport, dir } = setup('once');
  assert.equal(await transport.send(message), 'sent');
  assert.deepEqual(readdirSync(options.outboxDir), ['CEB311_4F2011FC-4ED0-478C-B190-22E76EF8B78A.xml']);
  assert.equal(readFileSync(path.join(options.outboxDir, message.fileName), 'utf8'), message.xml);
  // The customs client consumes it; a crash before the outbox row was marked sent makes us send again.
  mkdirSync(path.join(dir, 'consumed'));
  renameSync(path.join(options.outboxDir, message.fileName), path.join(dir, 'consumed', message.fileName));
  assert.equal(await transport.send(message), 'already_sent');
  assert.deepEqual(readdirSync(options.outboxDir), []);
  // A fresh transport (a restart) knows it too: the ledger is on disk.
  assert.equal(await new DirectoryCustomsTransport(options).send(message), 'already_sent');
});

test('a crash after staging, before the handover, finishes the handover on the next call', async () => {
  const { options, transport } = setup('staged');
  assert.equal(await transport.send(message), 'sent');
  // Put the world back to "ledger written, file still staged" (the crash window between steps 2 and 3).
  const staging = path.join(path.dirname(options.outboxDir), '.outbox-staging');
  renameSync(path.join(options.outboxDir, message.fileName), path.join(staging, message.fileName));
  assert.equal(await new DirectoryCustomsTransport(options).send(message), 'sent');
  assert.deepEqual(readdirSync(options.outboxDir), [message.fileName]);
  assert.deepEqual(readdirSync(staging), []);
});

test('a crash before the ledger entry writes the message again (nothing had been handed over)', async () => {
  const { options } = setup('early');
  const staging = path.join(path.dirname(options.outboxDir), '.outbox-staging');
  mkdirSync(staging, { recursive: true });
  writeFileSync(path.join(staging, `${message.fileName}.1234.tmp`), '<half');
  assert.equal(await new DirectoryCustomsTransport(options).send(message), 'sent');
  assert.equal(readFileSync(path.join(options.outboxDir, message.fileName), 'utf8'), message.xml);
});

test('a write that fails (here the staged name is taken by a folder) leaves no half message in the staging folder', async () => {
  const { options, transport } = setup('failed');
  const staging = path.join(path.dirname(options.outboxDir), '.outbox-staging');
  mkdirSync(path.join(staging, message.fileName, 'inside'), { recursive: true });
  await assert.rejects(transport.send(message));
  assert.deepEqual(readdirSync(staging), [message.fileName], 'no .tmp file is left');
  assert.deepEqual(readdirSync(options.outboxDir), []);
});

test('receipts: partial files are skipped; acknowledged ones leave the inbox, twice is harmless', async () => {
  const { options, transport } = setup('receipts');
  assert.deepEqual(await transport.fetchReceipts(), []);
  writeFileSync(path.join(options.inboxDir, 'b.xml'), '<b/>');
  writeFileSync(path.join(options.inboxDir, 'a.xml'), '<a/>');
  writeFileSync(path.join(options.inboxDir, '.c.xml'), '<partial');
  const found = await transport.fetchReceipts();
  assert.deepEqual(found.map((r) => r.id), ['a.xml', 'b.xml']);
  await transport.acknowledge('a.xml', 'processed');
  await transport.acknowledge('a.xml', 'processed');
  await transport.acknowledge('b.xml', 'unreadable');
  assert.deepEqual((await transport.fetchReceipts()).map((r) => r.id), []);
  assert.deepEqual(readdirSync(path.join(options.stateDir, 'receipts-processed')), ['a.xml']);
  assert.deepEqual(readdirSync(path.join(options.stateDir, 'receipts-unreadable')), ['b.xml']);
  await assert.rejects(transport.acknowledge('../x.xml', 'processed'), /unsafe/);
});
