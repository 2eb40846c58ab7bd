import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { DirectoryFileStore } from './file-store.ts';
import { AppError } from './errors.ts';

test('a write that fails leaves no temporary file behind, and a disk that cannot take it is "unavailable"', async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'pavilion-files-'));
  const store = new DirectoryFileStore(root);
  await store.put('media/ab/one.webp', Buffer.from('one'));
  assert.deepEqual(readdirSync(path.join(root, 'media/ab')), ['one.webp']);

  // The final name is taken by a directory: the bytes are written to the temporary file, then the rename fails.
  mkdirSync(path.join(root, 'media/ab/two.webp/inside'), { recursive: true });
  await assert.rejects(store.put('media/ab/two.webp', Buffer.from('two')), (err: unknown) => err instanceof AppError && err.code === 'SERVICE_UNAVAILABLE');
  assert.deepEqual(readdirSync(path.join(root, 'media/ab')).sort(), ['one.webp', 'two.webp'], 'no .tmp file is left');

  // The folder cannot be made (a file stands where it should be): unavailable too, and the probe says so.
  writeFileSync(path.join(root, 'blocked'), 'x');
  const blocked = new DirectoryFileStore(path.join(root, 'blocked'));
  await assert.rejects(blocked.put('media/cd/x.webp', Buffer.from('x')), (err: unknown) => err instanceof AppError && err.code === 'SERVICE_UNAVAILABLE');
  await assert.rejects(blocked.probe());
  await store.probe();
  assert.deepEqual(readdirSync(path.join(root, 'health')), [], 'the probe removes its file');
});
