import { Link } from 'react-router';
import type { StorySummary } from '@pavilion/contracts';
import { useLocale } from '../../i18n/face-language.tsx';
import { pick } from '../../shared/localized.ts';

/** A pavilion's culture stories as cards leading to each story's page. */
export function StoryList({ pavilionSlug, stories }: { pavilionSlug: string; stories: readonly StorySummary[] }) {
  const { locale } = useLocale();
  return (
    <div style={{ display: 'grid', gap: 8 }}>
      {stories.map((story) => (
        <Link
          key={story.slug}
          to={`/pavilions/${pavilionSlug}/stories/${story.slug}`}
          data-testid="story-card"
          className="pv-link"
          style={{ display: 'flex', gap: 10, background: 'var(--adm-color-background)', borderRadius: 8, padding: 10 }}
        >
          {story.coverImage && (
            <img
              src={story.coverImage.urls.thumb}
              alt=""
              loading="lazy"
              style={{ width: 80, height: 80, objectFit: 'cover', borderRadius: 6, flex: 'none' }}
            />
          )}
          <div style={{ minWidth: 0 }}>
            <h3 className="pv-clamp-2" style={{ fontSize: 15, margin: '0 0 4px' }}>
              {pick(locale, story.titleZh, story.titleEn)}
            </h3>
            <p className="pv-clamp-2" style={{ fontSize: 13, margin: 0, color: 'var(--adm-color-weak)', lineHeight: 1.5 }}>
              {pick(locale, story.summaryZh, story.summaryEn)}
            </p>
          </div>
        </Link>
      ))}
    </div>
  );
}
