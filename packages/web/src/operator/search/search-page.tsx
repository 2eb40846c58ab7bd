import { Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { HotSearchesCard } from './hot-searches-card.tsx';
import { IndexStatusCard, useIndexStatus } from './index-status.tsx';
import { SynonymsCard } from './synonyms-card.tsx';
import { WordsCard } from './words-card.tsx';
import { ZeroResultsCard } from './zero-results-card.tsx';

const tabs = ['zero-results', 'synonyms', 'words', 'hot'] as const;
type Tab = (typeof tabs)[number];

/** Search: what buyers find nothing for, and the synonyms, words and hot searches that help them. */
export function SearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  // The tab is in the address: a link (or a reload) opens the same tab.
  const tab: Tab = tabs.find((item) => item === params.get('tab')) ?? 'zero-results';
  const index = useIndexStatus();
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('operator.search.title')}</Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>{t('operator.search.intro')}</Typography.Paragraph>
      </div>
      <IndexStatusCard index={index} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'zero-results' ? {} : { tab: key }, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'zero-results', label: <span data-testid="tab-zero-results">{t('operator.search.tabs.zeroResults')}</span>, children: <ZeroResultsCard /> },
          { key: 'synonyms', label: <span data-testid="tab-synonyms">{t('operator.search.tabs.synonyms')}</span>, children: <SynonymsCard /> },
          { key: 'words', label: <span data-testid="tab-words">{t('operator.search.tabs.words')}</span>, children: <WordsCard onChanged={index.refresh} /> },
          { key: 'hot', label: <span data-testid="tab-hot">{t('operator.search.tabs.hot')}</span>, children: <HotSearchesCard /> },
        ]}
      />
    </Space>
  );
}
