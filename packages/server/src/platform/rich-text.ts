import sanitizeHtml from 'sanitize-html';

/** Video hosts whose embeds may appear in stories and descriptions; every other iframe is removed. */
const allowedIframeHosts = ['player.bilibili.com', 'v.qq.com', 'player.youku.com', 'www.youtube-nocookie.com'];

/**
 * Rich text from exporters and operators, cleaned on the server before it is stored: formatting,
 * links, images and allowed video embeds stay; script, style, event handlers (onclick…),
 * javascript: URLs and iframes from other hosts are removed.
 */
export function sanitizeRichText(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: [
      'p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'blockquote', 'h2', 'h3', 'h4', 'ul', 'ol', 'li',
      'a', 'img', 'figure', 'figcaption', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'span', 'iframe',
    ],
    allowedAttributes: {
      a: ['href', 'title', 'target', 'rel'],
      img: ['src', 'alt', 'title', 'width', 'height'],
      iframe: ['src', 'width', 'height', 'allowfullscreen', 'title'],
      th: ['colspan', 'rowspan'],
      td: ['colspan', 'rowspan'],
    },
    allowedSchemes: ['https', 'http', 'mailto'],
    allowedSchemesByTag: { img: ['https', 'http'] },
    allowProtocolRelative: false,
    allowedIframeHostnames: allowedIframeHosts,
    allowIframeRelativeUrls: false,
    // An iframe whose source was refused is dropped whole, not left empty.
    exclusiveFilter: (frame) => frame.tag === 'iframe' && !frame.attribs.src,
    transformTags: {
      a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }),
    },
  }).trim();
}

/** The text of rich text, for summaries and search. */
export function richTextToPlain(html: string): string {
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }).replace(/\s+/g, ' ').trim();
}
