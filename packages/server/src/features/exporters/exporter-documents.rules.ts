import type { ExporterStatus } from '@pavilion/contracts';

/**
 * Documents are kept privately, outside media/ (which the public image route serves): only the
 * exporter's members and its pavilion's operators fetch them, through the API.
 */
export const documentKey = (exporterId: string, documentId: string): string => `documents/${exporterId}/${documentId}`;

/** The most documents one exporter keeps, so an account cannot fill the disk 10 MB at a time. */
export const MAX_DOCUMENTS_PER_EXPORTER = 50;

/**
 * An approved (or suspended) exporter's documents are the record of what its review saw: they can
 * be added to (a renewed licence) but not deleted. While pending or rejected they may be replaced.
 */
export const documentsDeletable = (status: ExporterStatus): boolean => status === 'pending' || status === 'rejected';

/**
 * The uploader's file name as shown back: the last path segment, without control characters,
 * at most 200 characters (the extension kept), "document" when nothing is left.
 */
export function cleanFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (base === '' || base === '.' || base === '..') return 'document';
  if (base.length <= 200) return base;
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 && base.length - dot <= 10 ? base.slice(dot) : '';
  return base.slice(0, 200 - ext.length) + ext;
}

/**
 * Content-Disposition for a download (RFC 6266): an ASCII fallback for old clients and the real
 * name as UTF-8 (RFC 5987 `filename*`), so "营业执照.pdf" arrives with its name.
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
