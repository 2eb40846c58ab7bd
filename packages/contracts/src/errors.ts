import { z } from 'zod';

/**
 * Every business outcome the API can answer with. The server maps each code to an HTTP status
 * (a `satisfies Record<ErrorCode, number>` map, so a new code cannot ship unmapped) and the web app
 * shows the bilingual message below.
 */
export const errorCodes = [
  /** The request body, query or params break the schema: `details` lists each field and rule. */
  'VALIDATION_FAILED',
  /** The route needs a signed-in caller and none was presented (or the session ended). */
  'UNAUTHENTICATED',
  /** Email and password do not match an active account. */
  'INVALID_CREDENTIALS',
  /** The account exists but was disabled by an admin: no new session is started. */
  'ACCOUNT_DISABLED',
  /** The caller is signed in but its role may not use this part of the API. */
  'FORBIDDEN',
  /** A cookie-authenticated write came from another origin (or without an Origin). */
  'CSRF_REJECTED',
  /** No such resource, or it is outside the caller's scope (we never say which). */
  'NOT_FOUND',
  /** The resource already exists (an email already registered, a duplicate slug). */
  'ALREADY_EXISTS',
  /** The action does not apply to the resource's current state (approve a product not under review, …). */
  'INVALID_TRANSITION',
  /** A product cannot be submitted or published: `details` lists each failed rule by name with its field. */
  'PUBLICATION_RULES_FAILED',
  /** The resource is still used (a category with subcategories, exporters or products) and cannot be deleted. */
  'IN_USE',
  /** The exporter is not approved (pending, rejected or suspended): it cannot invite members yet. */
  'EXPORTER_NOT_APPROVED',
  /** The caller's exporter is suspended: its members may read but every write is refused until the pavilion reinstates it. */
  'EXPORTER_SUSPENDED',
  /** A product import of this exporter is still running: wait for it to finish before sending another file. */
  'IMPORT_IN_PROGRESS',
  /** Too many attempts from this account, phone or address: wait `Retry-After` seconds. */
  'RATE_LIMITED',
  /** The one-time code is wrong; `details.attemptsLeft` says how many tries remain. */
  'OTP_INVALID',
  /** The one-time code is older than 5 minutes, was already used, or was never sent. */
  'OTP_EXPIRED',
  /** Five wrong codes: the code is void and a new one must be requested. */
  'OTP_TOO_MANY_ATTEMPTS',
  /** The SMS provider will not send more codes to this number for now (its per-number limits): wait `Retry-After` seconds. */
  'SMS_LIMIT_REACHED',
  /** The SMS provider cannot deliver to this number (not a valid mobile, or blocked): another number is needed. */
  'SMS_NUMBER_REJECTED',
  /** The code could not be sent: the SMS provider refused the request (configuration, balance) or could not be reached. */
  'SMS_UNAVAILABLE',
  /** WeChat login is not configured on this server (no app id / secret). */
  'WECHAT_NOT_CONFIGURED',
  /** WeChat refused the login code: invalid (40029) or already used (40163). */
  'WECHAT_CODE_INVALID',
  /** WeChat flagged the user as high-risk (40226). */
  'WECHAT_USER_BLOCKED',
  /** WeChat could not be reached, was busy, or answered something unexpected. */
  'WECHAT_UNAVAILABLE',
  /** The request body is larger than the server accepts. */
  'PAYLOAD_TOO_LARGE',
  /** The request body is not JSON (or not the declared content type). */
  'UNSUPPORTED_MEDIA_TYPE',
  /** Not enough stock for a line (or none): `details` lists each variant with the units left. */
  'OUT_OF_STOCK',
  /** A line cannot be bought now (unpublished, no exchange rate, not eligible for retail import): `details` names it and why. */
  'NOT_PURCHASABLE',
  /** 财关税〔2018〕49号: the order's dutiable value is over 5,000 and it is not one indivisible item; `details` says by how much. */
  'ORDER_LIMIT_EXCEEDED',
  /** 财关税〔2018〕49号: the identity's calendar-year total would pass 26,000; `details` says by how much and what remains. */
  'ANNUAL_QUOTA_EXCEEDED',
  /** PIPL art. 29: the buyer has not given the separate consent an identity needs. */
  'CONSENT_REQUIRED',
  /** The risk notice (风险告知书) the buyer accepted is not the one in force: show it again. */
  'RISK_NOTICE_NOT_ACCEPTED',
  /** The Idempotency-Key was already used with another request body. */
  'IDEMPOTENCY_CONFLICT',
  /** A payment notification or return that does not match an order (unknown, or another amount): refused and shown to operators. */
  'PAYMENT_MISMATCH',
  /** The payment provider refused the request or could not be reached; nothing was charged. */
  'PAYMENT_PROVIDER_ERROR',
  /** The database or the file store (a full disk, an S3 bucket that cannot be reached or refuses) cannot be used. */
  'SERVICE_UNAVAILABLE',
  /** Anything unexpected: logged on the server with the request id, never detailed to the caller. */
  'INTERNAL',
  /** The order cannot ship now (unpaid, held, not released by customs, not declared, or not this caller's to ship): `details.reason` says which. */
  'ORDER_NOT_SHIPPABLE',
  /** The order already left with another carrier or waybill number. */
  'ORDER_ALREADY_SHIPPED',
  /** This carrier's waybill number already belongs to another order's parcel. */
  'TRACKING_NUMBER_TAKEN',
  /** Tracking or receipt for an order that has not shipped yet. */
  'ORDER_NOT_SHIPPED',
  /** 海关总署公告2018年第194号: only a delivered (or completed) order that customs released can be returned. */
  'RETURN_NOT_ELIGIBLE',
  /** More than 30 days since customs release (or, for a return without reason, 7 days since delivery): `details` gives the last day. */
  'RETURN_WINDOW_CLOSED',
  /** A line asks back more units than were bought less those returned or in open requests: `details` lists each line with what is left. */
  'RETURN_QUANTITY_EXCEEDED',
  /** The return is not in a state this step applies to (approve a refused one, ship one not approved): `details.status` says where it is. */
  'RETURN_WRONG_STATE',
  /** The RFQ takes no more quotes: its deadline has passed, or the importer accepted a quote or cancelled it. */
  'RFQ_CLOSED',
  /** The quote's validity date has passed (China time): it can no longer be accepted. */
  'QUOTE_EXPIRED',
  /** The inquiry's thread is closed: no more messages. */
  'INQUIRY_CLOSED',
  /** The customs order message (CEB311) built from the order breaks the message rules: `details` lists each field, rule and message; nothing was sent. */
  'CUSTOMS_MESSAGE_INVALID',
  /** The B2B order is not at the step this action needs (record a deposit twice, ship a cancelled order): `details.status` and `details.action` say where it is. */
  'B2B_ORDER_WRONG_STATE',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export const validationIssueSchema = z.object({
  /** Where the offending value sits: `body.email`, `query.page`. */
  field: z.string(),
  /** The rule it broke, as zod names it: `too_small`, `invalid_format`, `invalid_type`, … */
  rule: z.string(),
  message: z.string(),
});
export type ValidationIssue = z.infer<typeof validationIssueSchema>;

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(errorCodes),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** What a person reads for each code, in both languages; the server answers in the caller's language. */
export const errorMessages = {
  VALIDATION_FAILED: { en: 'Some fields are not valid.', zh: '部分字段填写不正确。' },
  UNAUTHENTICATED: { en: 'Please sign in first.', zh: '请先登录。' },
  INVALID_CREDENTIALS: { en: 'The email or password is not correct.', zh: '邮箱或密码不正确。' },
  ACCOUNT_DISABLED: { en: 'This account has been disabled.', zh: '该账户已被停用。' },
  FORBIDDEN: { en: 'Your account cannot use this part of Pavilion.', zh: '您的账户无权使用此功能。' },
  CSRF_REJECTED: { en: 'The request came from another site and was refused.', zh: '请求来自其他站点，已被拒绝。' },
  NOT_FOUND: { en: 'Not found.', zh: '未找到。' },
  ALREADY_EXISTS: { en: 'This already exists.', zh: '该项已存在。' },
  INVALID_TRANSITION: { en: 'This cannot be done in the current state.', zh: '当前状态下无法执行此操作。' },
  PUBLICATION_RULES_FAILED: { en: 'The product does not meet the publication rules yet.', zh: '商品尚未满足上架规则。' },
  IN_USE: { en: 'This is still in use and cannot be deleted.', zh: '该项仍在使用中，无法删除。' },
  EXPORTER_SUSPENDED: {
    en: 'Your exporter account is suspended: you can view it, but changes are blocked until the pavilion reinstates it.',
    zh: '您的出口商账户已被暂停：可以查看，但在展馆恢复之前无法进行修改。',
  },
  EXPORTER_NOT_APPROVED: {
    en: 'The pavilion has not approved this exporter (or has suspended it).',
    zh: '该出口商尚未通过国家馆审核（或已被暂停）。',
  },
  IMPORT_IN_PROGRESS: { en: 'An import is still running. Please wait for it to finish.', zh: '上一次导入仍在进行，请等待其完成。' },
  RATE_LIMITED: { en: 'Too many attempts. Please wait and try again.', zh: '尝试次数过多，请稍后再试。' },
  OTP_INVALID: { en: 'The code is not correct.', zh: '验证码不正确。' },
  OTP_EXPIRED: { en: 'The code has expired. Please request a new one.', zh: '验证码已过期，请重新获取。' },
  OTP_TOO_MANY_ATTEMPTS: {
    en: 'Too many wrong codes. Please request a new one.',
    zh: '验证码错误次数过多，请重新获取。',
  },
  SMS_LIMIT_REACHED: { en: 'This number has been sent too many codes for now. Please try again later.', zh: '该号码获取验证码过于频繁，请稍后再试。' },
  SMS_NUMBER_REJECTED: { en: 'Text messages cannot be delivered to this number. Please use another mobile number.', zh: '无法向该号码发送短信，请使用其他手机号。' },
  SMS_UNAVAILABLE: { en: 'The code could not be sent right now. Please try again later.', zh: '验证码暂时无法发送，请稍后再试。' },
  WECHAT_NOT_CONFIGURED: { en: 'WeChat login is not available here.', zh: '此处暂不支持微信登录。' },
  WECHAT_CODE_INVALID: { en: 'The WeChat login has expired. Please try again.', zh: '微信登录凭证已失效，请重试。' },
  WECHAT_USER_BLOCKED: { en: 'WeChat refused this login.', zh: '微信拒绝了此次登录。' },
  WECHAT_UNAVAILABLE: { en: 'WeChat is not answering. Please try again later.', zh: '微信服务暂时无法访问，请稍后再试。' },
  PAYLOAD_TOO_LARGE: { en: 'The request is too large.', zh: '请求内容过大。' },
  UNSUPPORTED_MEDIA_TYPE: { en: 'The request must be JSON.', zh: '请求必须为 JSON 格式。' },
  OUT_OF_STOCK: { en: 'Not enough stock for some items.', zh: '部分商品库存不足。' },
  NOT_PURCHASABLE: { en: 'Some items cannot be bought right now.', zh: '部分商品暂时无法购买。' },
  // The figures are not repeated here: the server states them from CBEC_LIMITS in each refusal's own message.
  ORDER_LIMIT_EXCEEDED: { en: 'This order is over the limit for one cross-border order.', zh: '本单超出跨境电商单次交易限值。' },
  ANNUAL_QUOTA_EXCEEDED: { en: "This order is over the buyer's yearly cross-border allowance.", zh: '本单超出订购人年度跨境电商交易限值。' },
  CONSENT_REQUIRED: { en: 'Please agree to the use of your ID number for customs first.', zh: '请先同意为清关使用您的身份证信息。' },
  RISK_NOTICE_NOT_ACCEPTED: { en: 'Please read and accept the current risk notice.', zh: '请阅读并同意最新的风险告知书。' },
  IDEMPOTENCY_CONFLICT: { en: 'This request key was already used for a different order.', zh: '该请求标识已用于另一笔订单。' },
  PAYMENT_MISMATCH: { en: 'The payment does not match an order.', zh: '该笔支付与订单不符。' },
  PAYMENT_PROVIDER_ERROR: { en: 'The payment service did not accept the request. Nothing was charged.', zh: '支付服务未受理该请求，未产生扣款。' },
  SERVICE_UNAVAILABLE: { en: 'The service is unavailable. Please try again later.', zh: '服务暂不可用，请稍后再试。' },
  INTERNAL: { en: 'Something went wrong on our side.', zh: '服务器出错了。' },
  ORDER_NOT_SHIPPABLE: { en: 'This order cannot be shipped now.', zh: '该订单当前无法发货。' },
  ORDER_ALREADY_SHIPPED: { en: 'This order has already shipped with another waybill.', zh: '该订单已使用其他运单发货。' },
  TRACKING_NUMBER_TAKEN: { en: "This waybill number is already used for another order's parcel.", zh: '该运单号已用于其他订单的包裹。' },
  ORDER_NOT_SHIPPED: { en: 'This order has not shipped yet.', zh: '该订单尚未发货。' },
  RETURN_NOT_ELIGIBLE: { en: 'Only a delivered order released by customs can be returned.', zh: '仅已妥投且已海关放行的订单可以申请退货。' },
  RETURN_WINDOW_CLOSED: { en: 'The time to ask for a return has passed.', zh: '已超过可申请退货的期限。' },
  RETURN_QUANTITY_EXCEEDED: { en: 'More items than can still be returned.', zh: '退货数量超过可退数量。' },
  RETURN_WRONG_STATE: { en: 'The return is not at the step this action needs.', zh: '该退货单当前状态下无法执行此操作。' },
  RFQ_CLOSED: { en: 'This request for quotation is closed: its deadline has passed or a quote was chosen.', zh: '该询价已截止：已过报价截止时间或买方已选定报价。' },
  QUOTE_EXPIRED: { en: 'This quote is no longer valid: its validity date has passed.', zh: '该报价已过有效期，无法接受。' },
  INQUIRY_CLOSED: { en: 'This inquiry is closed: no more messages can be sent.', zh: '该询盘已关闭，无法继续发送消息。' },
  CUSTOMS_MESSAGE_INVALID: { en: 'The customs declaration is not valid yet; nothing was sent.', zh: '海关申报报文尚不合规，未发送。' },
  B2B_ORDER_WRONG_STATE: { en: 'This order is not at the step this action needs.', zh: '该贸易订单当前所处环节无法执行此操作。' },
} as const satisfies Record<ErrorCode, { en: string; zh: string }>;
