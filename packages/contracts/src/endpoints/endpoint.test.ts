import assert from 'node:assert/strict';
import { test } from 'node:test';
import { endpoints } from './index.ts';
import { pathOf } from './endpoint.ts';

test('a path is built from its parameters, each encoded so that none can change the path', () => {
  assert.equal(pathOf(endpoints.store.getPavilionStory, { slug: 'pacific', storySlug: 'kava/../x?y' }), '/api/store/pavilions/pacific/stories/kava%2F..%2Fx%3Fy');
  assert.equal(pathOf(endpoints.store.getCategories), '/api/store/categories');
});

test('a missing parameter is refused before any request is sent', () => {
  assert.throws(() => pathOf(endpoints.store.getOrder, {}), /the parameter id is missing/);
  assert.throws(() => pathOf(endpoints.store.getOrder, { id: '' }), /the parameter id is missing/);
});
