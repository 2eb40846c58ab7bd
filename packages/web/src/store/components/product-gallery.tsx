import { useState } from 'react';
import { ImageViewer, Swiper } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { StoreProduct } from '../../api/client.ts';

/** The product's pictures, swiped; a tap opens them full screen. */
export function ProductGallery({ images, title }: { images: StoreProduct['images']; title: string }) {
  const { t } = useTranslation();
  const [viewing, setViewing] = useState<number | null>(null);
  if (images.length === 0) return null;
  return (
    <div data-testid="product-gallery" style={{ margin: '-12px -12px 12px', background: 'var(--adm-color-background)' }}>
      <Swiper loop={images.length > 1} indicator={images.length > 1 ? undefined : () => null}>
        {images.map((image, index) => (
          <Swiper.Item key={image.id}>
            <button
              type="button"
              onClick={() => setViewing(index)}
              aria-label={t('store.product.viewImage', { index: index + 1, total: images.length })}
              style={{ display: 'block', width: '100%', padding: 0, border: 0, background: 'none', cursor: 'zoom-in' }}
            >
              <img
                src={image.urls.display}
                alt={index === 0 ? title : ''}
                loading={index === 0 ? 'eager' : 'lazy'}
                style={{ display: 'block', width: '100%', aspectRatio: '1 / 1', objectFit: 'contain' }}
              />
            </button>
          </Swiper.Item>
        ))}
      </Swiper>
      {/* Mounted per opening: the viewer reads defaultIndex only when it mounts. */}
      {viewing !== null && (
        <ImageViewer.Multi images={images.map((image) => image.urls.display)} visible defaultIndex={viewing} onClose={() => setViewing(null)} />
      )}
    </div>
  );
}
