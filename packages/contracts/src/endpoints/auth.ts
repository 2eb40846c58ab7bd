import { z } from 'zod';
import { meSchema, otpRequestResponseSchema, otpRequestSchema, otpVerifyRequestSchema, passwordLoginRequestSchema, sessionResponseSchema, wechatLoginRequestSchema } from '../auth.ts';
import { invitationAcceptRequestSchema, invitationPreviewSchema, invitationTokenParamsSchema } from '../exporters.ts';
import { endpoint } from './endpoint.ts';

/** Sign-in and sessions: every endpoint, by name. */
export const authEndpoints = {
  login: endpoint({ method: 'POST', path: '/api/auth/login', body: passwordLoginRequestSchema, response: { 200: sessionResponseSchema } }),
  requestOtp: endpoint({ method: 'POST', path: '/api/auth/otp/request', body: otpRequestSchema, response: { 202: otpRequestResponseSchema } }),
  verifyOtp: endpoint({ method: 'POST', path: '/api/auth/otp/verify', body: otpVerifyRequestSchema, response: { 200: sessionResponseSchema } }),
  loginWechat: endpoint({ method: 'POST', path: '/api/auth/wechat/login', body: wechatLoginRequestSchema, response: { 200: sessionResponseSchema } }),
  logout: endpoint({ method: 'POST', path: '/api/auth/logout', response: { 204: z.undefined() } }),
  getMe: endpoint({ method: 'GET', path: '/api/auth/me', response: { 200: meSchema } }),
  getInvitation: endpoint({ method: 'GET', path: '/api/auth/invitations/:token', params: invitationTokenParamsSchema, response: { 200: invitationPreviewSchema } }),
  acceptInvitation: endpoint({ method: 'POST', path: '/api/auth/invitations/:token/accept', params: invitationTokenParamsSchema, body: invitationAcceptRequestSchema, response: { 200: sessionResponseSchema } }),
} as const;
