import { endpoints } from '@pavilion/contracts';
import { useState } from 'react';
import { Flex, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/face-language.tsx';
import { issuesOfAnswer } from '../../console/form-errors.ts';
import { errorText } from '../../shared/errors.ts';
import { api } from '../../api/client.ts';

type StockCellProps = { variantId: string; warehouseId: string; onHand: number; reserved: number };

/** Units on hand of one variant in one warehouse: saved when the input loses focus or on Enter. */
export function StockCell({ variantId, warehouseId, onHand, reserved }: StockCellProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [saved, setSaved] = useState({ onHand, reserved });
  const [value, setValue] = useState<number | null>(onHand);
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState<string | null>(null);
  const commit = async () => {
    if (value === null || value === saved.onHand) return;
    setState('saving');
    setError(null);
    try {
      const row = await api(endpoints.exporter.setStock, { body: { variantId, warehouseId, onHand: value } });
      setSaved({ onHand: row.onHand, reserved: row.reserved });
      setState('saved');
    } catch (failure) {
      setError(issuesOfAnswer(failure, locale)[0]?.message ?? errorText(failure, locale));
      setState('idle');
    }
  };
  return (
    <Flex vertical gap={2} data-testid="stock-cell" data-variant-id={variantId} data-warehouse-id={warehouseId}>
      <InputNumber
        size="small"
        min={0}
        max={10_000_000}
        precision={0}
        value={value}
        onChange={setValue}
        onBlur={() => void commit()}
        onPressEnter={() => void commit()}
        status={error === null ? undefined : 'error'}
        disabled={state === 'saving'}
        aria-label={t('exporter.stock.onHand')}
        style={{ width: 110 }}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('exporter.stock.reserved', { count: saved.reserved })}
        {state === 'saved' && value === saved.onHand && <Typography.Text type="success"> ✓</Typography.Text>}
      </Typography.Text>
      {error !== null && <Typography.Text type="danger" style={{ fontSize: 12 }} role="alert">{error}</Typography.Text>}
    </Flex>
  );
}
