import type { z } from 'zod';
import { categoryTreeSchema } from '@pavilion/contracts';
import { call } from '../api/client.ts';

// The console's pages import their call helpers from here; they are the web app's one set, in api/client.ts.
export { call, callNoContent, seg, upload } from '../api/client.ts';

export const getCategoryTree = () => call('GET', '/api/store/categories', categoryTreeSchema);
export type CategoryTree = z.output<typeof categoryTreeSchema>;
