// What auth offers the rest of the server: other features, app.ts, background-jobs.ts and cli.ts import it from here only.
export { authRoutes } from './auth.routes.ts';
export { AuthService, type NewSession } from './auth.service.ts';
export { LogSmsSender, type SmsSender } from './sms-sender.ts';
export { TencentSmsSender } from './tencent-sms-sender.ts';
export { HttpWechatLoginClient, type WechatLoginClient } from './wechat-login.ts';
