import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** A titled block of a storefront page, with an optional "more" link on the right. */
export function Section({ title, more, children, testId }: { title: ReactNode; more?: { to: string; label: string }; children: ReactNode; testId?: string }) {
  return (
    <section data-testid={testId} style={{ margin: '16px 0' }}>
      <div style={{ display: 'flex', alignItems: 'baseline', justifyContent: 'space-between', margin: '0 4px 8px' }}>
        <h2 style={{ fontSize: 17, margin: 0 }}>{title}</h2>
        {more && (
          <Link to={more.to} style={{ fontSize: 13, color: 'var(--adm-color-weak)', textDecoration: 'none' }}>
            {more.label} ›
          </Link>
        )}
      </div>
      {children}
    </section>
  );
}

/** A white rounded panel: the product page's blocks. */
export function Panel({ title, children, testId }: { title?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <section data-testid={testId} style={{ background: 'var(--adm-color-background)', borderRadius: 8, padding: 12, marginBottom: 12 }}>
      {title !== undefined && <h2 style={{ fontSize: 16, margin: '0 0 8px' }}>{title}</h2>}
      {children}
    </section>
  );
}
