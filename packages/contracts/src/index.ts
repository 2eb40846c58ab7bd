export * from './errors.ts';
export * from './roles.ts';
export * from './locale.ts';
export * from './countries.ts';
export * from './auth.ts';
export * from './pavilions.ts';
export * from './health.ts';
export * from './trade.ts';
