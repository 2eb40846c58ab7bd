import type { z } from 'zod';
import type { categoryTreeSchema } from '@pavilion/contracts';

export type CategoryTree = z.output<typeof categoryTreeSchema>;
