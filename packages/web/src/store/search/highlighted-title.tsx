import type { Highlight, Locale, SearchHit } from '@pavilion/contracts';
import { pick } from '../../shared/localized.ts';
import { cardTitle } from '../components/product-card.tsx';

const hasText = (segments: Highlight) => segments.some((segment) => segment.text !== '');

/**
 * A result's title in the reader's language with the words the query matched in <mark>. The
 * server cuts the title into pieces; React escapes each, so a title can never inject markup.
 */
export function HighlightedTitle({ hit, locale }: { hit: SearchHit; locale: Locale }) {
  const own = pick(locale, hit.highlight.titleZh, hit.highlight.titleEn);
  const other = pick(locale, hit.highlight.titleEn, hit.highlight.titleZh);
  // As cardTitle: an exporter who wrote the title in one language only is read in that one.
  const segments = hasText(own) ? own : hasText(other) ? other : null;
  if (segments === null) return <span data-testid="result-title">{cardTitle(hit, locale)}</span>;
  return (
    <span data-testid="result-title">
      {segments.map((segment, index) =>
        segment.hit ? (
          <mark key={index} className="pv-hit">
            {segment.text}
          </mark>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </span>
  );
}
