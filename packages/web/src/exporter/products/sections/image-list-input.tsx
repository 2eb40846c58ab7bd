import { endpoints } from '@pavilion/contracts';
import { useEffect, useRef, useState } from 'react';
import { Button, Card, Flex, Image, Space, Tag, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ConsoleImage } from '../../../console/image-strip.tsx';
import { useAction } from '../../../console/use-action.ts';
import { uploadTo } from '../../../api/client.ts';

/** At most this many pictures per product (productContentSchema). */
const maxImages = 12;

type ImageListInputProps = {
  /** Image ids in order, the first the cover (set by Form.Item). */
  value?: string[];
  onChange?: (ids: string[]) => void;
  /** The images the product already has (its live and working ones). */
  known: readonly ConsoleImage[];
};

function moved(ids: readonly string[], from: number, to: number): string[] {
  const next = [...ids];
  const [id] = next.splice(from, 1);
  if (id !== undefined) next.splice(to, 0, id);
  return next;
}

/** The product's pictures: upload several, drag (or use the arrows) to reorder, remove; the first is the cover. */
export function ImageListInput({ value = [], onChange, known }: ImageListInputProps) {
  const { t } = useTranslation();
  const [uploaded, setUploaded] = useState<ConsoleImage[]>([]);
  const [dragging, setDragging] = useState<number | null>(null);
  const { run, running } = useAction();
  const byId = new Map([...known, ...uploaded].map((image) => [image.id, image]));
  const change = (ids: string[]) => onChange?.(ids);
  // Each upload appends to the latest list: several files uploaded at once all stay.
  const latest = useRef(value);
  useEffect(() => {
    latest.current = value;
  }, [value]);
  const send = (file: Blob) =>
    run('upload', async () => {
      const image = await uploadTo(endpoints.exporter.uploadMedia, file);
      setUploaded((images) => [...images, image]);
      latest.current = [...latest.current, image.id];
      change(latest.current);
    });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Flex gap={12} wrap data-testid="image-list">
        {value.map((id, index) => {
          const image = byId.get(id);
          return (
            <Card
              key={id}
              size="small"
              draggable
              data-testid="product-image"
              data-image-id={id}
              onDragStart={() => setDragging(index)}
              onDragOver={(event) => event.preventDefault()}
              onDrop={() => {
                if (dragging !== null && dragging !== index) change(moved(value, dragging, index));
                setDragging(null);
              }}
              styles={{ body: { padding: 8 } }}
              style={{ width: 132, cursor: 'grab', opacity: dragging === index ? 0.5 : 1 }}
            >
              {image === undefined ? (
                <Tag>{id.slice(0, 8)}</Tag>
              ) : (
                <Image src={image.urls.thumb} preview={{ src: image.urls.display }} width={114} height={114} style={{ objectFit: 'cover' }} alt="" />
              )}
              <Flex justify="space-between" align="center" style={{ marginTop: 4 }}>
                <Button size="small" type="text" disabled={index === 0} onClick={() => change(moved(value, index, index - 1))} aria-label={t('exporter.product.images.earlier')}>←</Button>
                {index === 0 ? <Tag color="blue" style={{ margin: 0 }}>{t('console.content.cover')}</Tag> : <span>{index + 1}</span>}
                <Button size="small" type="text" disabled={index === value.length - 1} onClick={() => change(moved(value, index, index + 1))} aria-label={t('exporter.product.images.later')}>→</Button>
              </Flex>
              <Button size="small" type="link" danger block onClick={() => change(value.filter((other) => other !== id))}>
                {t('console.image.remove')}
              </Button>
            </Card>
          );
        })}
      </Flex>
      <div data-testid="image-upload">
        <Upload
          accept="image/jpeg,image/png,image/webp"
          multiple
          showUploadList={false}
          disabled={value.length >= maxImages}
          customRequest={({ file }) => {
            if (file instanceof Blob) void send(file);
          }}
        >
          <Button loading={running === 'upload'} disabled={value.length >= maxImages}>{t('exporter.product.images.upload')}</Button>
        </Upload>
      </div>
    </Space>
  );
}
