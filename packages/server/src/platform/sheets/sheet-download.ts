import type { FastifyReply } from 'fastify';
import type { SheetFormat } from '@pavilion/contracts';
import { sheetContentTypes } from './sheet-file.ts';

/** A spreadsheet a route sends back: its bytes, the file name offered, and its content type. */
export interface SheetDownload {
  bytes: Buffer;
  fileName: string;
  contentType: string;
}

export const sheetDownload = (bytes: Buffer, baseName: string, format: SheetFormat): SheetDownload => ({
  bytes,
  fileName: `${baseName}.${format}`,
  contentType: sheetContentTypes[format],
});

/** A private download, always saved rather than shown. */
export const sendSheet = (reply: FastifyReply, file: SheetDownload) =>
  reply.type(file.contentType).header('content-disposition', `attachment; filename="${file.fileName}"`).header('cache-control', 'private, no-store').send(file.bytes);
