import { Button, List, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

type OrderedPickerProps = {
  value: readonly string[];
  onChange: (ids: string[]) => void;
  options: readonly { value: string; label: string }[];
  max: number;
  testId: string;
};

/** An ordered choice (featured items): add from a list, move up and down, remove. */
export function OrderedPicker({ value, onChange, options, max, testId }: OrderedPickerProps) {
  const { t } = useTranslation();
  const labels = new Map(options.map((option) => [option.value, option.label]));
  const move = (index: number, by: number) => {
    const next = [...value];
    const [id] = next.splice(index, 1);
    if (id !== undefined) next.splice(index + by, 0, id);
    onChange(next);
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid={testId}>
      <Select
        showSearch={{ optionFilterProp: 'label' }}
        value={null}
        placeholder={t('console.picker.add', { count: value.length, max })}
        disabled={value.length >= max}
        options={options.filter((option) => !value.includes(option.value))}
        onChange={(id: string | null) => id !== null && onChange([...value, id])}
        style={{ width: '100%' }}
      />
      <List
        size="small"
        bordered
        dataSource={[...value]}
        locale={{ emptyText: t('console.picker.empty') }}
        renderItem={(id, index) => (
          <List.Item
            data-testid={`${testId}-item`}
            data-id={id}
            actions={[
              <Button key="up" size="small" type="text" disabled={index === 0} onClick={() => move(index, -1)} aria-label={t('console.picker.up')}>↑</Button>,
              <Button key="down" size="small" type="text" disabled={index === value.length - 1} onClick={() => move(index, 1)} aria-label={t('console.picker.down')}>↓</Button>,
              <Button key="remove" size="small" type="text" danger onClick={() => onChange(value.filter((other) => other !== id))} aria-label={t('console.remove')}>✕</Button>,
            ]}
          >
            <Typography.Text>{index + 1}. {labels.get(id) ?? id}</Typography.Text>
          </List.Item>
        )}
      />
    </Space>
  );
}
