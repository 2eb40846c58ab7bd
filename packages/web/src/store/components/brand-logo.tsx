import type { StoreExporter } from '../../api/client.ts';

/** A brand's logo, or its first letter in a circle when it has none. */
export function BrandLogo({ logo, name, size }: { logo: StoreExporter['brands'][number]['logo']; name: string; size: number }) {
  const box = { width: size, height: size, borderRadius: '50%', flex: 'none' } as const;
  if (logo) return <img src={logo.urls.thumb} alt="" style={{ ...box, objectFit: 'cover' }} />;
  return (
    <span aria-hidden="true" style={{ ...box, display: 'flex', alignItems: 'center', justifyContent: 'center', fontSize: size * 0.45, background: '#e8f3ff', color: '#1677ff' }}>
      {Array.from(name)[0]}
    </span>
  );
}
