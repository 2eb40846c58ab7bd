import type { z } from 'zod';
import type { categoryTreeSchema} from '@pavilion/contracts';
import { endpoints } from '@pavilion/contracts';
import { api } from '../api/client.ts';


export const getCategoryTree = () => api(endpoints.store.getCategories);
export type CategoryTree = z.output<typeof categoryTreeSchema>;
