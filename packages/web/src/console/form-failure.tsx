import { Alert } from 'antd';
import { errorMessages } from '@pavilion/contracts';
import { useLocale } from '../i18n/face-language.tsx';
import { errorText } from '../shared/errors.ts';
import type { FieldIssue } from './form-errors.ts';

type FormFailureProps = {
  failure: unknown;
  /** Messages for fields the form does not show beside an input. */
  unplaced?: readonly FieldIssue[];
  /** How a field path reads in the list (defaults to the path itself). */
  label?: (path: string) => string;
};

/** Above a form: what went wrong, and the field messages that have no input of their own. */
export function FormFailure({ failure, unplaced = [], label = (path) => path }: FormFailureProps) {
  const { locale } = useLocale();
  if (failure === null && unplaced.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="form-failure"
      style={{ marginBottom: 16 }}
      title={failure === null ? errorMessages.VALIDATION_FAILED[locale === 'zh-CN' ? 'zh' : 'en'] : errorText(failure, locale)}
      description={
        unplaced.length > 0 && (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {unplaced.map((issue) => (
              <li key={`${issue.path}:${issue.message}`}>
                {issue.path === '' ? issue.message : `${label(issue.path)}: ${issue.message}`}
              </li>
            ))}
          </ul>
        )
      }
    />
  );
}
