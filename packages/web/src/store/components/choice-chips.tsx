export type Choice = { value: string; label: string };

/** A row of single-choice chips (a country, a sub-category) that scrolls sideways when it is long. */
export function ChoiceChips({ choices, value, onChange, label }: { choices: readonly Choice[]; value: string; onChange: (value: string) => void; label: string }) {
  return (
    <div role="radiogroup" aria-label={label} className="pv-scroll-row" style={{ margin: '0 0 10px' }}>
      {choices.map((choice) => {
        const checked = choice.value === value;
        return (
          <button
            key={choice.value}
            type="button"
            role="radio"
            aria-checked={checked}
            onClick={() => onChange(choice.value)}
            style={{
              padding: '5px 12px',
              borderRadius: 16,
              fontSize: 13,
              cursor: 'pointer',
              border: `1px solid ${checked ? 'var(--adm-color-primary)' : 'transparent'}`,
              background: checked ? 'rgba(22, 119, 255, 0.08)' : 'var(--adm-color-background)',
              color: checked ? 'var(--adm-color-primary)' : 'var(--adm-color-text)',
            }}
          >
            {choice.label}
          </button>
        );
      })}
    </div>
  );
}
