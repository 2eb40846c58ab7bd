import type { ReactNode } from 'react';

export type SearchChip = { key: string; label: ReactNode; onClick: () => void; accent?: boolean; testId?: string };

/** Tappable words that wrap onto several lines: recent and hot searches. */
export function SearchChips({ chips, label, testId }: { chips: readonly SearchChip[]; label: string; testId?: string }) {
  return (
    <ul aria-label={label} data-testid={testId} style={{ display: 'flex', flexWrap: 'wrap', gap: 8, listStyle: 'none', margin: 0, padding: 0 }}>
      {chips.map((chip) => (
        <li key={chip.key} style={{ maxWidth: '100%' }}>
          <button
            type="button"
            data-testid={chip.testId}
            onClick={chip.onClick}
            className="pv-clamp-1"
            style={{
              maxWidth: '100%',
              padding: '5px 12px',
              borderRadius: 16,
              border: 'none',
              fontSize: 13,
              cursor: 'pointer',
              background: 'var(--adm-color-background)',
              color: chip.accent ? 'var(--adm-color-danger)' : 'var(--adm-color-text)',
            }}
          >
            {chip.label}
          </button>
        </li>
      ))}
    </ul>
  );
}
