import { useCallback, useState } from 'react';
import type { z } from 'zod';
import { useLocale } from '../i18n/face-language.tsx';
import { fieldErrorsOf, fieldErrorsOfIssues, type FieldErrors } from './errors.ts';

/**
 * Checks a form's values with the contract's request schema (the same rules the server applies),
 * then runs the action with the parsed values. Field messages come from the zod issues, or from the
 * server's VALIDATION_FAILED details; any other failure is kept for the page to show.
 */
export function useFormSubmit<S extends z.ZodType>(schema: S, action: (values: z.output<S>) => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const { locale } = useLocale();

  const submit = useCallback(
    async (values: z.input<S>) => {
      const parsed = schema.safeParse(values);
      setFailure(null);
      if (!parsed.success) {
        setFieldErrors(fieldErrorsOfIssues(parsed.error.issues, locale));
        return;
      }
      setFieldErrors({});
      setBusy(true);
      try {
        await action(parsed.data);
      } catch (error) {
        setFieldErrors(fieldErrorsOf(error));
        setFailure(error);
      } finally {
        setBusy(false);
      }
    },
    [schema, action, locale],
  );

  const reset = useCallback(() => {
    setFieldErrors({});
    setFailure(null);
  }, []);

  return { submit, busy, fieldErrors, failure, reset };
}
