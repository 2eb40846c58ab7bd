import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTree, categoryPath, isInUse, parentIssues, type CategoryRow } from './category.rules.ts';

const row = (id: string, parent: string | null, position: number): CategoryRow => ({
  id,
  parent_id: parent,
  slug: id,
  path: parent ? `${parent}/${id}/` : `${id}/`,
  name_en: id,
  name_zh: id,
  is_food: id.startsWith('food') ? 1 : 0,
  position,
});

test('a new category is a root or the child of a root: never three levels', () => {
  assert.deepEqual(parentIssues(null, undefined), []);
  assert.deepEqual(parentIssues('handicrafts', { parent_id: null }), []);
  assert.deepEqual(parentIssues('nowhere', undefined).map((i) => `${i.field}:${i.rule}`), ['body.parentId:unknown_category']);
  assert.deepEqual(parentIssues('pottery-ceramics', { parent_id: 'handicrafts' }).map((i) => `${i.field}:${i.rule}`), ['body.parentId:parent_not_root']);
});

test('paths chain the parent path and the slug', () => {
  assert.equal(categoryPath(null, 'handicrafts'), 'handicrafts/');
  assert.equal(categoryPath({ path: 'food-beverages/' }, 'honey'), 'food-beverages/honey/');
});

test('a category with children, exporters or listings is in use', () => {
  assert.equal(isInUse({ children: 0, exporters: 0, products: 0 }), false);
  assert.equal(isInUse({ children: 1, exporters: 0, products: 0 }), true);
  assert.equal(isInUse({ children: 0, exporters: 2, products: 0 }), true);
  assert.equal(isInUse({ children: 0, exporters: 0, products: 1 }), true);
});

test('the tree: roots then children, each in position order, booleans for food', () => {
  const tree = buildTree([row('food-b', null, 1), row('crafts', null, 0), row('wood', 'crafts', 2), row('pottery', 'crafts', 1), row('food-honey', 'food-b', 0)]);
  assert.deepEqual(tree.map((r) => [r.id, r.isFood, r.children.map((c) => c.id)]), [
    ['crafts', false, ['pottery', 'wood']],
    ['food-b', true, ['food-honey']],
  ]);
});
