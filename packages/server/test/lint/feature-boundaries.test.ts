import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { ESLint } from 'eslint';

// The repository's own ESLint configuration, run through its Node API with only the boundary rule on.
const root = path.resolve(import.meta.dirname, '../../../..');
const RULE = 'pavilion/feature-boundaries';
const eslint = new ESLint({ cwd: root, ruleFilter: ({ ruleId }) => ruleId === RULE });

/** The boundary rule's messages for a sample file placed at `file` (nothing is written to disk). */
async function boundaryMessages(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, 'packages/server/src', file) });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

test("a feature importing another feature's internals fails the lint, naming the index to use", async () => {
  const messages = await boundaryMessages('features/returns/sample.ts', "import { moveOrder } from '../orders/order-holds.ts';\nexport const m = moveOrder;\n");
  assert.deepEqual(messages, [
    `${RULE}: '../orders/order-holds.ts' is inside the orders feature: import what it offers from its index.ts ('../orders/index.ts'), or add it there.`,
  ]);
});

test('re-exports and dynamic imports of internals are caught too', async () => {
  const messages = await boundaryMessages('features/returns/sample.ts', "export { moveOrder } from '../orders/order-holds.ts';\nexport const load = () => import('../payments/refund-requests.ts');\n");
  assert.equal(messages.length, 2, messages.join('\n'));
});

test("app.ts and the other entry points go through a feature's index.ts too", async () => {
  assert.equal((await boundaryMessages('sample.ts', "import { OrderService } from './features/orders/order.service.ts';\nexport const s = OrderService;\n")).length, 1);
  assert.deepEqual(await boundaryMessages('sample.ts', "import { OrderService } from './features/orders/index.ts';\nexport const s = OrderService;\n"), []);
});

test('a feature imports its own files, and other features through their index.ts, freely', async () => {
  const code = "import { moveOrder } from '../orders/index.ts';\nimport { ReturnService } from './returns.service.ts';\nexport const m = [moveOrder, ReturnService];\n";
  assert.deepEqual(await boundaryMessages('features/returns/sample.ts', code), []);
  // A feature's tests may reach its internals.
  assert.deepEqual(await boundaryMessages('features/orders/sample.test.ts', "import { taxPartsOf } from './order.repository.ts';\nexport const t = taxPartsOf;\n"), []);
});

test('db/ composes the features\' table files and nothing else of theirs', async () => {
  assert.deepEqual(await boundaryMessages('db/sample.ts', "import type { OrderTables } from '../features/orders/order.table.ts';\nexport type T = OrderTables;\n"), []);
  assert.equal((await boundaryMessages('db/sample.ts', "import { OrderService } from '../features/orders/order.service.ts';\nexport const s = OrderService;\n")).length, 1);
});

test("no file of the server's source imports another feature's internals", async () => {
  const results = await eslint.lintFiles(['packages/server/src/**/*.ts']);
  const problems = results.flatMap((r) => r.messages.map((m) => `${path.relative(root, r.filePath)}:${m.line} ${m.message}`));
  assert.deepEqual(problems, []);
  assert.ok(results.length > 300, `only ${results.length} files linted`);
});
