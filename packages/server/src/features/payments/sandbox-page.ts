import { formatYuan } from './payment.rules.ts';

/** Why the sandbox page is shown again after a post. */
export const sandboxRefusals = ['failed', 'closed', 'refused'] as const;
export type SandboxRefusal = (typeof sandboxRefusals)[number];

export const sandboxMessages: Record<SandboxRefusal, { zh: string; en: string }> = {
  failed: { zh: '支付失败（沙箱模拟），订单仍待支付，可重试。', en: 'The payment failed (simulated). The order is still waiting; you can try again.' },
  closed: { zh: '该笔支付已关闭，请回到订单重新发起支付。', en: 'This payment is closed. Go back to your orders to pay again.' },
  refused: { zh: '支付通知未被接受，请联系运营人员。', en: 'The payment notification was refused. Please contact the operators.' },
};

export interface SandboxPageInput {
  outTradeNo: string;
  amountFen: number;
  orderNumbers: string[];
  /** pending: the buttons; paid / closed: what happened, no buttons. */
  state: 'pending' | 'paid' | 'closed';
  /** A line shown above the buttons (e.g. after "fail"). */
  message?: { zh: string; en: string } | null;
  /** Where "back to my orders" goes. */
  ordersUrl: string;
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The sandbox checkout page: Chinese first, then English. A plain HTML form and no script, so the
 * app's Content-Security-Policy (scripts from 'self' only, inline styles allowed) needs no
 * exception; the form posts to the same path, which form-action 'self' allows.
 */
export function renderSandboxPage(input: SandboxPageInput): string {
  const no = escapeHtml(input.outTradeNo);
  const orders = input.orderNumbers.map((n) => `<li>${escapeHtml(n)}</li>`).join('');
  const message = input.message ? `<p class="message" role="status">${escapeHtml(input.message.zh)}<br><span lang="en">${escapeHtml(input.message.en)}</span></p>` : '';
  const body =
    input.state === 'pending'
      ? `<form method="post" action="/api/payments/sandbox/pay/${encodeURIComponent(input.outTradeNo)}">
      <button type="submit" name="result" value="success" class="pay">支付成功 / Pay</button>
      <button type="submit" name="result" value="fail" class="fail">支付失败 / Fail</button>
    </form>`
      : `<p class="done">${input.state === 'paid' ? '该笔支付已完成。<br><span lang="en">This payment is complete.</span>' : '该笔支付已关闭。<br><span lang="en">This payment is closed.</span>'}</p>
    <p><a href="${escapeHtml(input.ordersUrl)}">查看订单 / My orders</a></p>`;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>沙箱支付 · Sandbox payment</title>
<style>
  body { font-family: system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; background: #f5f5f5; margin: 0; padding: 24px 16px; color: #222; }
  main { max-width: 420px; margin: 0 auto; background: #fff; border-radius: 12px; padding: 24px; box-shadow: 0 1px 4px rgba(0,0,0,.08); }
  h1 { font-size: 18px; margin: 0 0 4px; }
  .note { color: #888; font-size: 13px; margin: 0 0 20px; }
  .amount { font-size: 32px; font-weight: 600; margin: 8px 0; }
  dl { font-size: 14px; margin: 0 0 20px; } dt { color: #888; margin-top: 8px; } dd { margin: 2px 0 0; word-break: break-all; }
  ul { margin: 2px 0 0; padding-left: 18px; }
  form { display: flex; flex-direction: column; gap: 12px; }
  button { font-size: 16px; padding: 12px; border-radius: 8px; border: 0; cursor: pointer; }
  .pay { background: #07c160; color: #fff; } .fail { background: #eee; color: #c00; }
  .message { background: #fff2f0; color: #c00; padding: 10px 12px; border-radius: 8px; font-size: 14px; }
  .done { font-size: 15px; }
  [lang="en"] { color: #666; font-size: .92em; }
</style>
</head>
<body>
<main>
  <h1>沙箱支付 <span lang="en">Sandbox payment</span></h1>
  <p class="note">演示环境：不会产生真实扣款。<br><span lang="en">Demo only: no real money moves.</span></p>
  <p class="amount">${escapeHtml(formatYuan(input.amountFen))}</p>
  <dl>
    <dt>支付单号 <span lang="en">Payment number</span></dt><dd>${no}</dd>
    <dt>订单 <span lang="en">Orders</span></dt><dd><ul>${orders}</ul></dd>
  </dl>
  ${message}
  ${body}
</main>
</body>
</html>
`;
}
