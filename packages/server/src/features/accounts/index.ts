// What accounts offers the rest of the server: other features, app.ts, background-jobs.ts and cli.ts import it from here only.
export { findRoleGrants, findUserByEmail, findUserById, findUserByPhone, hasWechatAccount, insertRole, insertUser } from './account.repository.ts';
export { maskPhone, toMe } from './account.rules.ts';
export { AccountService } from './account.service.ts';
export { adminRoutes } from './admin.routes.ts';
