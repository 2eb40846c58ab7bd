import { z } from 'zod';
import { companyMemberRoles } from './roles.ts';

export const buyerCompanySchema = z
  .object({
    id: z.string(),
    nameZh: z.string(),
    nameEn: z.string().nullable(),
    city: z.string(),
  })
  .meta({ id: 'BuyerCompany' });

export const companyProfileSchema = z.object({
  company: buyerCompanySchema,
  members: z.array(z.object({ id: z.string(), displayName: z.string(), memberRole: z.enum(companyMemberRoles) })),
});
