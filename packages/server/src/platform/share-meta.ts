/** What a shared link shows in a chat or on a social site (Open Graph). */
export interface ShareMeta {
  title: string;
  description: string;
  /** A path on this server (e.g. /media/<id>/display.webp) or an absolute URL. */
  image: string | null;
}

/** Finds the share card of a storefront path, or null when the path has none. */
export type ShareMetaSource = (pathname: string) => Promise<ShareMeta | null>;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** index.html with the page's title and Open Graph tags, so a shared product shows its name and picture. */
export function withShareMeta(indexHtml: string, meta: ShareMeta, options: { publicUrl: string; pathname: string }): string {
  const absolute = (url: string) => (/^https?:\/\//.test(url) ? url : `${options.publicUrl}${url}`);
  const tags = [
    `<meta property="og:type" content="website" />`,
    `<meta property="og:site_name" content="Pavilion 国家馆" />`,
    `<meta property="og:title" content="${escapeHtml(meta.title)}" />`,
    `<meta property="og:description" content="${escapeHtml(meta.description)}" />`,
    `<meta property="og:url" content="${escapeHtml(absolute(options.pathname))}" />`,
    `<meta name="description" content="${escapeHtml(meta.description)}" />`,
    ...(meta.image ? [`<meta property="og:image" content="${escapeHtml(absolute(meta.image))}" />`] : []),
  ].join('\n    ');
  // Replacer functions, not strings: in a replacement string `$&`, `$'`, `` $` `` and `$1` are
  // patterns, so a name holding them would copy parts of the page into the tags.
  return indexHtml
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(meta.title)} · Pavilion 国家馆</title>`)
    .replace('</head>', () => `    ${tags}\n  </head>`);
}
