/**
 * The provider side of the crash test's refunds: the local WeChat Pay API v3 server of the tests,
 * run in the crash script's own process (so it outlives every SIGKILL of Pavilion), behind a small
 * loopback relay that records each refund request as it reached WeChat Pay and can kill Pavilion in
 * the worst window: after WeChat Pay executed a refund and before Pavilion read (and recorded) the
 * answer. The local server treats a repeated out_refund_no as the same refund, as WeChat Pay does,
 * so what it holds at the end is what WeChat Pay would have paid out.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { startWechatPayServer, type WechatPayServer } from '../../packages/server/test/support/wechat-pay-server.ts';

export interface RefundCall {
  outRefundNo: string;
  outTradeNo: string;
  amountFen: number;
  /** Whether WeChat Pay already had a refund under this number when the request arrived (a resend). */
  repeat: boolean;
  /** WeChat Pay's answer status (null when it never answered). */
  status: number | null;
  /** The raw request as signed by the merchant, to replay it. */
  headers: Record<string, string>;
  body: string;
}

export interface WechatPayWitness {
  readonly wechat: WechatPayServer;
  /** The WECHATPAY_* settings that point Pavilion at the relay, with the keys written under `dir`. */
  readonly env: Record<string, string>;
  readonly refundCalls: RefundCall[];
  /** Kills made between WeChat Pay executing a refund and Pavilion receiving the answer. */
  windowKills: number;
  /** Replays a recorded refund request straight to WeChat Pay: its status and refund_id. */
  replay(call: RefundCall): Promise<{ status: number; refundId: string | null }>;
  close(): Promise<void>;
}

const HOP_HEADERS = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive']);

export async function startWechatPayWitness(options: {
  dir: string;
  /** How many refunds get Pavilion killed after WeChat Pay executed them and before the answer reaches it. */
  windowKills: number;
  /** Kills Pavilion and starts it again (serialised with the script's other kills). */
  crash: (why: string) => Promise<void>;
}): Promise<WechatPayWitness> {
  const merchant = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const merchantSerialNo = randomBytes(20).toString('hex').toUpperCase();
  const wechat = await startWechatPayServer({ merchantPublicKey: merchant.publicKey, merchantSerialNo });
  const keys = path.join(options.dir, 'wechatpay');
  mkdirSync(keys, { recursive: true });
  const privateKeyFile = path.join(keys, 'apiclient_key.pem');
  const platformKeyFile = path.join(keys, 'wechatpay_public_key.pem');
  writeFileSync(privateKeyFile, merchant.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), { mode: 0o600 });
  writeFileSync(platformKeyFile, wechat.platformPublicKeyPem);

  const refundCalls: RefundCall[] = [];
  let killsLeft = options.windowKills;
  const readBody = (req: IncomingMessage) =>
    new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      req.on('error', reject);
    });

  const witness: WechatPayWitness = {
    wechat,
    env: {},
    refundCalls,
    windowKills: 0,
    async replay(call) {
      const res = await fetch(`${wechat.url}/v3/refund/domestic/refunds`, { method: 'POST', headers: call.headers, body: call.body });
      const answer = (await res.json()) as { refund_id?: string };
      return { status: res.status, refundId: answer.refund_id ?? null };
    },
    async close() {
      relay.closeAllConnections();
      await new Promise<void>((resolve) => relay.close(() => resolve()));
      await wechat.close();
    },
  };

  const relay: Server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string' && !HOP_HEADERS.has(name)) headers[name] = value;
      const isRefund = req.method === 'POST' && req.url === '/v3/refund/domestic/refunds';
      let call: RefundCall | null = null;
      if (isRefund) {
        const parsed = JSON.parse(body) as { out_refund_no?: string; out_trade_no?: string; amount?: { refund?: number } };
        const outRefundNo = String(parsed.out_refund_no ?? '');
        call = { outRefundNo, outTradeNo: String(parsed.out_trade_no ?? ''), amountFen: Number(parsed.amount?.refund ?? 0), repeat: wechat.refunds.has(outRefundNo), status: null, headers, body };
        refundCalls.push(call);
      }
      const upstream = await fetch(`${wechat.url}${req.url ?? '/'}`, { method: req.method, headers, ...(req.method === 'GET' || req.method === 'HEAD' ? {} : { body }) });
      const answer = Buffer.from(await upstream.arrayBuffer());
      if (call) call.status = upstream.status;
      if (call && !call.repeat && upstream.status === 200 && killsLeft > 0) {
        // WeChat Pay has executed the refund; Pavilion dies before it hears so. Its row stays
        // "processing" and the restarted worker must send the same out_refund_no again.
        killsLeft -= 1;
        witness.windowKills += 1;
        await options.crash(`after WeChat Pay executed refund ${call.outRefundNo}, before Pavilion read the answer`);
        res.destroy();
        return;
      }
      const out: Record<string, string> = {};
      upstream.headers.forEach((value, name) => {
        if (!HOP_HEADERS.has(name)) out[name] = value;
      });
      res.writeHead(upstream.status, { ...out, 'content-length': String(answer.length) });
      res.end(answer);
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    relay.once('error', reject);
    relay.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = relay.address() as AddressInfo;
  Object.assign(witness.env, {
    WECHATPAY_MCHID: wechat.mchid,
    WECHATPAY_APP_ID: wechat.appid,
    WECHATPAY_MERCHANT_SERIAL_NO: merchantSerialNo,
    WECHATPAY_PRIVATE_KEY_FILE: privateKeyFile,
    WECHATPAY_API_V3_KEY: wechat.apiV3Key,
    WECHATPAY_PLATFORM_KEY_ID: wechat.platformSerial,
    WECHATPAY_PLATFORM_KEY_FILE: platformKeyFile,
    WECHATPAY_API_BASE: `http://127.0.0.1:${port}`,
  });
  return witness;
}
