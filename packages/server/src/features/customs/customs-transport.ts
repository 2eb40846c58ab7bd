import { randomBytes } from 'node:crypto';
import { access, mkdir, open, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * How messages reach customs and receipts come back: the customs transport strategy, handed to
 * `buildApp`. The default is the directory exchange the customs client software (the single
 * window's 客户端, which signs and transmits) works with: Pavilion writes each message as a file into
 * its outbox folder and reads the receipts it drops into an inbox folder. Another deployment may
 * plug in a signing service's HTTP API behind the same three calls.
 */
export interface CustomsTransport {
  /**
   * Hands one message over. Must be safe to call again with the same guid after a crash at any
   * moment (the outbox row is marked sent only after this resolves): a message already handed over
   * is not handed over twice. Answers whether this call handed it over or found it already done.
   */
  send(message: { guid: string; fileName: string; xml: string }): Promise<'sent' | 'already_sent'>;
  /** Receipts that arrived and were not acknowledged yet, oldest first. */
  fetchReceipts(): Promise<Array<{ id: string; xml: string }>>;
  /** The receipt was recorded (in a committed transaction): it is not fetched again. */
  acknowledge(id: string, outcome: 'processed' | 'unreadable'): Promise<void>;
}

/** CEB311_<guid>.xml: the file's name follows from the message, so a resend after a crash writes the same name. */
export const messageFileName = (guid: string) => `CEB311_${guid}.xml`;

const RECEIPT_FILE = /^[^.].*\.xml$/i;

/**
 * The directory transport. Exactly-once handover, with a crash possible between any two steps:
 *   1. the message is written to a staging folder beside the outbox (temp file, fsync, rename);
 *   2. a ledger entry for the guid is created (exclusive create) in the transport's state folder;
 *   3. the staged file is renamed into the outbox: one atomic step, the handover itself.
 * Called again for a guid: no ledger entry → start over (nothing was handed over); a ledger entry and
 * a staged file → only step 3 is left; a ledger entry and no staged file → it was handed over (the
 * customs client may already have taken it from the outbox), so nothing is written again.
 * Receipts are files in the inbox (names starting with a dot are partial files still being written);
 * an acknowledged one is moved to the processed folder (unreadable ones to a folder of their own).
 */
export class DirectoryCustomsTransport implements CustomsTransport {
  private readonly outbox: string;
  private readonly inbox: string;
  private readonly staging: string;
  private readonly ledger: string;
  private readonly processed: string;
  private readonly unreadable: string;
  private ready: Promise<void> | null = null;

  constructor(options: { outboxDir: string; inboxDir: string; stateDir: string }) {
    this.outbox = path.resolve(options.outboxDir);
    this.inbox = path.resolve(options.inboxDir);
    // Beside the outbox, so the final rename stays on one file system (and stays atomic).
    this.staging = path.join(path.dirname(this.outbox), `.${path.basename(this.outbox)}-staging`);
    this.ledger = path.join(options.stateDir, 'handed-over');
    this.processed = path.join(options.stateDir, 'receipts-processed');
    this.unreadable = path.join(options.stateDir, 'receipts-unreadable');
  }

  private dirs(): Promise<void> {
    this.ready ??= (async () => {
      for (const dir of [this.outbox, this.inbox, this.staging, this.ledger, this.processed, this.unreadable]) await mkdir(dir, { recursive: true });
    })();
    return this.ready;
  }

  async send(message: { guid: string; fileName: string; xml: string }): Promise<'sent' | 'already_sent'> {
    if (!/^[A-Za-z0-9_.-]+\.xml$/.test(message.fileName)) throw new Error(`unsafe message file name ${message.fileName}`);
    await this.dirs();
    const staged = path.join(this.staging, message.fileName);
    const entry = path.join(this.ledger, message.guid);
    if (await exists(entry)) {
      if (!(await exists(staged))) return 'already_sent';
      await rename(staged, path.join(this.outbox, message.fileName));
      return 'sent';
    }
    const temp = `${staged}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      const handle = await open(temp, 'w');
      try {
        await handle.writeFile(message.xml, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, staged);
    } catch (err) {
      // A full disk must not leave half a message in the staging folder (the next run writes it whole).
      await rm(temp, { force: true }).catch(() => {});
      throw err;
    }
    try {
      await writeFile(entry, '', { flag: 'wx' });
    } catch (err) {
      // Another run got here first (two workers): the file it staged is the same bytes.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    try {
      await rename(staged, path.join(this.outbox, message.fileName));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'already_sent';
      throw err;
    }
    return 'sent';
  }

  async fetchReceipts(): Promise<Array<{ id: string; xml: string }>> {
    await this.dirs();
    const names = (await readdir(this.inbox, { withFileTypes: true })).filter((d) => d.isFile() && RECEIPT_FILE.test(d.name)).map((d) => d.name).sort();
    const out: Array<{ id: string; xml: string }> = [];
    for (const name of names) {
      try {
        out.push({ id: name, xml: await readFile(path.join(this.inbox, name), 'utf8') });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
    }
    return out;
  }

  async acknowledge(id: string, outcome: 'processed' | 'unreadable'): Promise<void> {
    if (id.includes('/') || id.includes('\\') || id.startsWith('.')) throw new Error(`unsafe receipt id ${id}`);
    try {
      await rename(path.join(this.inbox, id), path.join(outcome === 'processed' ? this.processed : this.unreadable, id));
    } catch (err) {
      // Acknowledged twice (a crash after the move): nothing left to do.
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
