import { Empty, Flex, Image, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { imageSchema } from '@pavilion/contracts';

export type ConsoleImage = z.output<typeof imageSchema>;

/** The pictures of a product in order (the first is the cover), each opening large on click. */
export function ImageStrip({ ids, images }: { ids: readonly string[]; images: readonly ConsoleImage[] }) {
  const { t } = useTranslation();
  const byId = new Map(images.map((image) => [image.id, image]));
  if (ids.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('console.content.noImages')} />;
  return (
    <Image.PreviewGroup>
      <Flex gap={8} wrap data-testid="image-strip">
        {ids.map((id, index) => {
          const image = byId.get(id);
          return (
            <Flex key={id} vertical align="center" gap={4}>
              {image === undefined ? (
                <Tag>{id.slice(0, 8)}</Tag>
              ) : (
                <Image src={image.urls.thumb} preview={{ src: image.urls.display }} width={96} height={96} style={{ objectFit: 'cover' }} alt="" />
              )}
              {index === 0 && <Tag color="blue">{t('console.content.cover')}</Tag>}
            </Flex>
          );
        })}
      </Flex>
    </Image.PreviewGroup>
  );
}
