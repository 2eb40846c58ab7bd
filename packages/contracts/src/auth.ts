import { z } from 'zod';
import { roleSchema, companyMemberRoles } from './roles.ts';
import { localeSchema } from './locale.ts';
import { validationMessages as m } from './validation.ts';

export const passwordMinLength = 10;
export const passwordMaxLength = 200;

/** Mainland China mobile numbers: 11 digits starting 13–19 (an optional +86 is accepted and dropped). */
export const mainlandMobileSchema = z
  .string()
  .trim()
  .transform((value) => value.replace(/^\+?86[\s-]?/, '').replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^1[3-9]\d{9}$/, { message: m.mobile.en }));

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email({ message: m.email.en }).max(254));

export const passwordSchema = z
  .string()
  .min(passwordMinLength, { message: m.passwordTooShort.en })
  .max(passwordMaxLength, { message: m.passwordTooLong.en });

/**
 * How the new session is carried: `cookie` (the web app: an httpOnly cookie) or `token` (API
 * clients such as a mini program: a bearer token in the response body).
 */
export const sessionTransportSchema = z.enum(['cookie', 'token']).default('cookie');

export const passwordLoginRequestSchema = z
  .object({
    email: emailSchema,
    password: z.string().min(1, { message: m.required.en }).max(passwordMaxLength),
    session: sessionTransportSchema,
  })
  .strict();

export const otpRequestSchema = z.object({ phone: mainlandMobileSchema }).strict();
export const otpRequestResponseSchema = z.object({
  /** `log`: this server writes codes to its log (development and demos); `sms`: a real SMS was sent. */
  delivery: z.enum(['sms', 'log']),
  expiresInSeconds: z.number().int(),
  resendAfterSeconds: z.number().int(),
});

export const otpVerifyRequestSchema = z
  .object({
    phone: mainlandMobileSchema,
    code: z.string().trim().regex(/^\d{6}$/, { message: m.otpCode.en }),
    session: sessionTransportSchema,
  })
  .strict();

export const wechatLoginRequestSchema = z
  .object({
    code: z.string().trim().min(1, { message: m.required.en }).max(128),
    session: z.enum(['cookie', 'token']).default('token'),
  })
  .strict();

export const roleGrantSchema = z.object({
  role: roleSchema,
  pavilion: z.object({ id: z.string(), slug: z.string(), nameEn: z.string(), nameZh: z.string() }).nullable(),
  exporter: z.object({ id: z.string(), nameEn: z.string(), nameZh: z.string() }).nullable(),
  company: z
    .object({ id: z.string(), nameZh: z.string(), nameEn: z.string().nullable(), memberRole: z.enum(companyMemberRoles) })
    .nullable(),
});
export type RoleGrant = z.infer<typeof roleGrantSchema>;

/** The signed-in account as its owner sees it: contact details masked, no secrets. */
export const meSchema = z
  .object({
    id: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    /** Masked: 138****5678. */
    phone: z.string().nullable(),
    wechat: z.boolean(),
    locale: localeSchema,
    roles: z.array(roleGrantSchema),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof meSchema>;

export const sessionResponseSchema = z.object({
  user: meSchema,
  /** Only for `session: "token"`: send it as `Authorization: Bearer <token>`. */
  token: z.string().optional(),
  expiresAt: z.string(),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export const adminUserSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  /** Masked even for admins: nobody needs a buyer's whole number to run the platform. */
  phone: z.string().nullable(),
  status: z.enum(['active', 'disabled']),
  roles: z.array(roleSchema),
  createdAt: z.string(),
});
export const adminUserListSchema = z.object({ items: z.array(adminUserSchema), total: z.number().int() });
export const adminUserListQuerySchema = z.object({
  role: roleSchema.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});
