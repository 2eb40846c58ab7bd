import { z } from 'zod';

/**
 * - buyer: a consumer in China (phone or WeChat login).
 * - company_member: a member of a buyer company (B2B importer), scoped to that company.
 * - exporter_member: a member of one exporter, scoped to it.
 * - operator: runs one pavilion (one grant per pavilion).
 * - admin: the platform's own staff, every pavilion.
 */
export const roles = ['buyer', 'company_member', 'exporter_member', 'operator', 'admin'] as const;
export type Role = (typeof roles)[number];
export const roleSchema = z.enum(roles);

/** The roles that sign in with email and password; buyers use a phone code or WeChat. */
export const staffRoles = ['company_member', 'exporter_member', 'operator', 'admin'] as const satisfies readonly Role[];

export const companyMemberRoles = ['owner', 'buyer'] as const;
export type CompanyMemberRole = (typeof companyMemberRoles)[number];
