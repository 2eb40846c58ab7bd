import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLogger } from '../../platform/logging.ts';
import { LogMailer } from './mailer.ts';

test('the development mailer writes the message to the log with the recipient masked', async () => {
  const lines: string[] = [];
  const log = createLogger({ logLevel: 'info' }, { write: (line: string) => void lines.push(line) });
  await new LogMailer(log).send({ messageId: '<notification.r1@pavilion.example>', to: 'imran@multaniblue.example', subject: 'New inquiry', text: 'An importer in China has sent you an inquiry.' });
  const entry = JSON.parse(lines[0] ?? '{}') as { mail?: { to: string; messageId: string; subject: string }; msg?: string };
  assert.deepEqual(entry.mail, { to: 'i***@multaniblue.example', messageId: '<notification.r1@pavilion.example>', subject: 'New inquiry' });
  assert.match(entry.msg ?? '', /An importer in China has sent you an inquiry\./);
  assert.ok(!lines.join('\n').includes('imran@'), 'the full address is never logged');
});
