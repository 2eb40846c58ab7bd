import type { CSSProperties } from 'react';

/**
 * Rich text the SERVER has sanitized before storing it (sanitizeRichText: pavilion introductions,
 * story bodies, product descriptions, exporter and brand stories). Nothing else may come through
 * here: any other text is rendered by React, which escapes it.
 */
export function SanitizedHtml({ html, style, testId }: { html: string; style?: CSSProperties; testId?: string }) {
  if (html.trim() === '') return null;
  return <div className="pv-rich-text" style={style} data-testid={testId} dangerouslySetInnerHTML={{ __html: html }} />;
}
