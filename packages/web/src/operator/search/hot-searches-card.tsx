import { endpoints } from '@pavilion/contracts';
import { useState } from 'react';
import { Alert, Button, Card, Col, Flex, Input, List, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { hotSearchInputSchema } from '@pavilion/contracts';
import { ConsoleError, ConsoleLoading } from '../../console/console-feedback.tsx';
import { issuesOfZod } from '../../console/form-errors.ts';
import { useAction } from '../../console/use-action.ts';
import { useLocale } from '../../i18n/face-language.tsx';
import { api } from '../../api/client.ts';
import { useEndpoint, useInvalidate, useSetEndpointData } from '../../api/query.ts';
import { operatorPaths } from '../operator-paths.ts';

/** The contract's limit on curated words (hotSearchInputSchema: items .max(20)); adding past it is refused by the schema too. */
const maxItems = 20;

/**
 * The operators' hot searches, in the order the storefront shows them (before buyers' most searched):
 * edited here as a list, saved at once with PUT. Beside it, what the storefront shows now.
 */
export function HotSearchesCard() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const curated = useEndpoint(endpoints.operator.getCuratedHotSearches, {});
  const storefront = useEndpoint(endpoints.store.getHotSearches, {});
  const saved = curated.status === 'done' ? curated.data : undefined;
  const setSaved = useSetEndpointData(endpoints.operator.getCuratedHotSearches, {});
  const invalidate = useInvalidate();
  const [items, setItems] = useState<string[] | null>(null);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const { run, running } = useAction();
  if (curated.status === 'loading' || saved === undefined) {
    return curated.status === 'failed' ? <ConsoleError error={curated.error} loginPath={operatorPaths.login} onRetry={curated.reload} /> : <ConsoleLoading />;
  }
  const list = items ?? saved.items;
  const dirty = items !== null && JSON.stringify(items) !== JSON.stringify(saved.items);
  const change = (next: string[]) => {
    setProblem(null);
    setItems(next);
  };
  const add = () => {
    const word = text.trim();
    if (word === '') return;
    if (list.some((item) => item.toLocaleLowerCase() === word.toLocaleLowerCase())) {
      setProblem(t('operator.search.hot.duplicate', { word }));
      return;
    }
    const next = [...list, word];
    const checked = hotSearchInputSchema.safeParse({ items: next });
    if (!checked.success) {
      setProblem(issuesOfZod(checked.error.issues, locale).map((issue) => issue.message).join(' '));
      return;
    }
    setText('');
    change(next);
  };
  const move = (index: number, by: number) => {
    const next = [...list];
    const [word] = next.splice(index, 1);
    if (word !== undefined) next.splice(index + by, 0, word);
    change(next);
  };
  const save = () =>
    void run('save', () => api(endpoints.operator.setCuratedHotSearches, { body: { items: list } }), t('operator.search.hot.saved')).then((ok) => {
      if (!ok) return;
      setSaved({ items: list });
      setItems(null);
      void invalidate(endpoints.store.getHotSearches);
    });
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={14}>
        <Card size="small" title={t('operator.search.hot.curated')} data-testid="hot-editor">
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Alert type="info" showIcon title={t('operator.search.hot.note')} />
            <Space.Compact style={{ width: '100%' }}>
              <Input
                value={text}
                maxLength={40}
                disabled={list.length >= maxItems}
                onChange={(event) => setText(event.target.value)}
                onPressEnter={add}
                placeholder={t('operator.search.hot.placeholder', { count: list.length, max: maxItems })}
                data-testid="hot-input"
              />
              <Button onClick={add} disabled={list.length >= maxItems} data-testid="hot-add">{t('operator.search.hot.add')}</Button>
            </Space.Compact>
            {problem !== null && <Typography.Text type="danger" role="alert">{problem}</Typography.Text>}
            <List
              size="small"
              bordered
              dataSource={list}
              locale={{ emptyText: t('operator.search.hot.empty') }}
              renderItem={(word, index) => (
                <List.Item
                  data-testid="hot-item"
                  data-word={word}
                  actions={[
                    <Button key="up" size="small" type="text" disabled={index === 0} onClick={() => move(index, -1)} aria-label={t('console.picker.up')}>↑</Button>,
                    <Button key="down" size="small" type="text" disabled={index === list.length - 1} onClick={() => move(index, 1)} aria-label={t('console.picker.down')}>↓</Button>,
                    <Button key="remove" size="small" type="text" danger onClick={() => change(list.filter((other) => other !== word))} aria-label={t('console.remove')}>✕</Button>,
                  ]}
                >
                  <Typography.Text>{index + 1}. {word}</Typography.Text>
                </List.Item>
              )}
            />
            <Flex gap={12} align="center">
              <Button type="primary" onClick={save} disabled={!dirty} loading={running === 'save'} data-testid="save-hot">{t('console.save')}</Button>
              <Button onClick={() => change(saved.items)} disabled={!dirty}>{t('operator.search.hot.revert')}</Button>
              {dirty && <Typography.Text type="warning">{t('operator.search.hot.unsaved')}</Typography.Text>}
            </Flex>
          </Space>
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card size="small" title={t('operator.search.hot.preview')} data-testid="hot-preview">
          {storefront.status === 'failed' && <ConsoleError error={storefront.error} loginPath={operatorPaths.login} onRetry={storefront.reload} />}
          {storefront.status === 'loading' && <ConsoleLoading />}
          {storefront.status === 'done' && (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Typography.Text type="secondary">{t('operator.search.hot.previewNote')}</Typography.Text>
              <Flex wrap gap={8}>
                {storefront.data.items.length === 0 && <Typography.Text type="secondary">{t('common.none')}</Typography.Text>}
                {storefront.data.items.map((item) => (
                  <Tag key={item.text} color={item.source === 'curated' ? 'red' : 'default'}>
                    {item.text} · {t(`operator.search.hot.source.${item.source}` as const)}
                  </Tag>
                ))}
              </Flex>
            </Space>
          )}
        </Card>
      </Col>
    </Row>
  );
}
