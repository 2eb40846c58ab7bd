import { useState } from 'react';
import { Button, Flex, Image, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ConsoleImage } from './image-strip.tsx';
import { useAction } from './use-action.ts';

type SingleImageUploadProps = {
  /** The uploaded image's id (set by Form.Item). */
  value?: string | null;
  onChange?: (id: string | null) => void;
  /** The image as stored, to show before anything new is uploaded. */
  initial: ConsoleImage | null;
  upload: (file: Blob) => Promise<ConsoleImage>;
  testId: string;
};

/** One picture (a logo, a hero, a cover): upload replaces it, remove clears it. */
export function SingleImageUpload({ value, onChange, initial, upload, testId }: SingleImageUploadProps) {
  const { t } = useTranslation();
  const [uploaded, setUploaded] = useState<ConsoleImage | null>(null);
  const { run, running } = useAction();
  const shown = [uploaded, initial].find((image) => image !== null && image.id === value) ?? null;
  const send = (file: Blob) =>
    run('upload', async () => {
      const image = await upload(file);
      setUploaded(image);
      onChange?.(image.id);
    });
  return (
    <Flex gap={12} align="center" wrap data-testid={testId}>
      {shown !== null && <Image src={shown.urls.thumb} preview={{ src: shown.urls.display }} width={96} height={96} style={{ objectFit: 'cover' }} alt="" />}
      <Upload
        accept="image/jpeg,image/png,image/webp"
        showUploadList={false}
        customRequest={({ file }) => {
          if (file instanceof Blob) void send(file);
        }}
      >
        <Button loading={running === 'upload'}>{value ? t('console.image.replace') : t('console.image.upload')}</Button>
      </Upload>
      {value && (
        <Button type="link" danger onClick={() => onChange?.(null)}>
          {t('console.image.remove')}
        </Button>
      )}
    </Flex>
  );
}
