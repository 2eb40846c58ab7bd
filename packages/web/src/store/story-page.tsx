import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { StoryDetail } from '../api/client.ts';
import { useLocale } from '../i18n/face-language.tsx';
import { pick } from '../shared/localized.ts';
import { formatDate } from './components/dates.ts';
import { SanitizedHtml } from './components/rich-text.tsx';
import { Panel } from './components/section.tsx';
import { useStory } from './components/store-data.ts';
import { StoreError, StoreLoading, StorePage } from './store-ui.tsx';

/** A pavilion's culture story: cover, title, date and the (server-sanitized) body. */
export function StoryPage() {
  const { t } = useTranslation();
  const { slug = '', storySlug = '' } = useParams();
  const { locale } = useLocale();
  const story = useStory(slug, storySlug);
  const title = story.status === 'done' ? pick(locale, story.data.titleZh, story.data.titleEn) : t('store.story.title');
  return (
    <StorePage title={title} backTo={`/pavilions/${slug}`} share>
      {story.status === 'loading' && <StoreLoading />}
      {story.status === 'failed' && <StoreError error={story.error} onRetry={story.reload} />}
      {story.status === 'done' && <Story story={story.data} />}
    </StorePage>
  );
}

function Story({ story }: { story: StoryDetail }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <article>
      {story.coverImage && (
        <img
          src={story.coverImage.urls.display}
          alt=""
          style={{ display: 'block', width: '100%', aspectRatio: `${story.coverImage.width} / ${story.coverImage.height}`, objectFit: 'cover', borderRadius: 8, marginBottom: 12 }}
        />
      )}
      <Panel>
        <h1 data-testid="story-title" style={{ fontSize: 20, margin: '0 0 6px', lineHeight: 1.4 }}>
          {pick(locale, story.titleZh, story.titleEn)}
        </h1>
        <p style={{ fontSize: 13, color: 'var(--adm-color-weak)', margin: '0 0 12px' }}>
          <Link to={`/pavilions/${story.pavilion.slug}`} style={{ color: 'var(--adm-color-primary)', textDecoration: 'none' }}>
            {pick(locale, story.pavilion.nameZh, story.pavilion.nameEn)}
          </Link>
          {' · '}
          {t('store.story.publishedOn', { date: formatDate(story.publishedAt, locale) })}
        </p>
        <SanitizedHtml html={pick(locale, story.bodyZh, story.bodyEn)} testId="story-body" />
      </Panel>
    </article>
  );
}
