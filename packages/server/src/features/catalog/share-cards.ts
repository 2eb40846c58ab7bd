import type { ShareMeta, ShareMetaSource } from '../../platform/share-meta.ts';
import { AppError } from '../../platform/errors.ts';
import type { PavilionService } from '../pavilions/index.ts';
import type { StorefrontService } from './storefront.service.ts';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** Share cards (title, text, picture) for the storefront's product and pavilion pages, Chinese first. */
export function storefrontShareCards(deps: { storefront: StorefrontService; pavilions: PavilionService }): ShareMetaSource {
  return async (pathname) => {
    try {
      const product = new RegExp(`^/products/(${UUID})$`).exec(pathname);
      if (product?.[1]) {
        const page = await deps.storefront.productPage(product[1]);
        const c = page.content;
        return { title: `${c.titleZh} · ${c.titleEn}`, description: c.subtitleZh || c.subtitleEn || page.exporter.nameZh, image: page.images[0]?.urls.display ?? null } satisfies ShareMeta;
      }
      const pavilion = /^\/pavilions\/([a-z0-9-]{2,64})$/.exec(pathname);
      if (pavilion?.[1]) {
        const p = await deps.pavilions.getPublic(pavilion[1]);
        return { title: `${p.nameZh} · ${p.nameEn}`, description: p.taglineZh || p.taglineEn, image: p.heroImage?.urls.display ?? null };
      }
      return null;
    } catch (error) {
      if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  };
}
