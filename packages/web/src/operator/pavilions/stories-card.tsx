import { endpoints } from '@pavilion/contracts';
import { useState } from 'react';
import { Button, Card, Popconfirm, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OperatorStory } from '@pavilion/contracts';
import { ConsoleError } from '../../console/console-feedback.tsx';
import { useAction } from '../../console/use-action.ts';
import { useLocale } from '../../i18n/face-language.tsx';
import { pick } from '../../shared/localized.ts';
import { useEndpoint } from '../../api/query.ts';
import type { StoryListItem } from '../operator-api.ts';
import { operatorPaths } from '../operator-paths.ts';
import { StoryDrawer } from './story-drawer.tsx';
import { dataAttributes } from '../../console/data-attributes.ts';
import { api } from '../../api/client.ts';

/** The pavilion's culture stories, drafts included: write, edit, publish, take back, delete. */
export function StoriesCard({ pavilionId }: { pavilionId: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const stories = useEndpoint(endpoints.operator.getPavilionStories, { params: { id: pavilionId } });
  const [editing, setEditing] = useState<OperatorStory | 'new' | null>(null);
  const { run, running } = useAction();
  const open = (id: string) => run(`open:${id}`, async () => setEditing(await api(endpoints.operator.getPavilionStory, { params: { id: pavilionId, storyId: id } })));
  const publish = (story: StoryListItem, on: boolean) =>
    run(`publish:${story.id}`, () => api(on ? endpoints.operator.publishPavilionStory : endpoints.operator.unpublishPavilionStory, { params: { id: pavilionId, storyId: story.id } }), on ? t('operator.stories.published') : t('operator.stories.unpublished')).then((ok) => ok && stories.reload());
  const remove = (id: string) => run(`delete:${id}`, () => api(endpoints.operator.deletePavilionStory, { params: { id: pavilionId, storyId: id } }), t('operator.stories.deleted')).then((ok) => ok && stories.reload());
  return (
    <Card
      title={t('operator.stories.title')}
      data-testid="stories-card"
      extra={<Button type="primary" onClick={() => setEditing('new')} data-testid="new-story">{t('operator.stories.create')}</Button>}
    >
      {stories.status === 'failed' && <ConsoleError error={stories.error} loginPath={operatorPaths.login} onRetry={stories.reload} />}
      <Table<StoryListItem>
        rowKey="id"
        size="small"
        loading={stories.status === 'loading'}
        pagination={false}
        dataSource={stories.status === 'done' ? stories.data.items : []}
        locale={{ emptyText: t('operator.stories.empty') }}
        onRow={(story) => dataAttributes({ 'data-testid': 'story-row', 'data-story-id': story.id })}
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 'title', title: t('operator.stories.fields.titleZh'), render: (_, story) => pick(locale, story.titleZh, story.titleEn) },
          { key: 'slug', title: t('operator.stories.slug'), dataIndex: 'slug' },
          { key: 'status', title: t('operator.home.status'), render: (_, story) => <Tag color={story.status === 'published' ? 'green' : 'default'}>{t(`operator.stories.status.${story.status}`)}</Tag> },
          { key: 'position', title: t('operator.stories.position'), dataIndex: 'position' },
          { key: 'publishedAt', title: t('operator.stories.publishedAt'), render: (_, story) => story.publishedAt?.slice(0, 10) ?? t('common.none') },
          {
            key: 'actions',
            title: t('console.actions'),
            render: (_, story) => (
              <Space wrap>
                <Button size="small" loading={running === `open:${story.id}`} onClick={() => void open(story.id)}>{t('console.edit')}</Button>
                <Button size="small" loading={running === `publish:${story.id}`} onClick={() => void publish(story, story.status !== 'published')} data-testid="toggle-story">
                  {story.status === 'published' ? t('operator.stories.unpublish') : t('operator.stories.publish')}
                </Button>
                <Popconfirm title={t('operator.stories.confirmDelete')} onConfirm={() => void remove(story.id)}>
                  <Button size="small" danger loading={running === `delete:${story.id}`}>{t('console.delete')}</Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {editing !== null && (
        <StoryDrawer
          pavilionId={pavilionId}
          story={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            stories.reload();
          }}
        />
      )}
    </Card>
  );
}
