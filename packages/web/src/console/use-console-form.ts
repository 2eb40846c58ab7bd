import { useCallback, useState } from 'react';
import type { FormInstance, FormProps } from 'antd';
import type { z } from 'zod';
import { useLocale } from '../i18n/face-language.tsx';
import { issuesOfAnswer, issuesOfZod, namePath, pathOf, type FieldIssue } from './form-errors.ts';

/** A form's values turned into a request body, with what could not be converted (a price such as "12.345"). */
export type Converted = { body: unknown; issues: FieldIssue[] };

type ConsoleFormOptions<S extends z.ZodType, V> = {
  form: FormInstance<V>;
  /** The contract's request schema: the same rules the server applies, checked before sending. */
  schema: S;
  action: (body: z.output<S>) => Promise<void>;
  /** Defaults to the values as they are. */
  toBody?: (values: V) => Converted;
  /** Where a body path is shown when the form names the field differently (`priceMinor` → `price`). */
  toFormPath?: (path: string) => string;
};

const asIs = (values: unknown): Converted => ({ body: values, issues: [] });
const samePath = (path: string) => path;

/**
 * Submits an antd form through a contract's schema. Each message goes beside its input (zod's before
 * sending, the server's VALIDATION_FAILED after); a message for a field the form does not show is
 * kept in `unplaced`, and any other failure in `failure`, for the page to show above the form.
 */
export function useConsoleForm<S extends z.ZodType, V>(options: ConsoleFormOptions<S, V>) {
  const { form, schema, action, toBody = asIs, toFormPath = samePath } = options;
  const { locale } = useLocale();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [unplaced, setUnplaced] = useState<FieldIssue[]>([]);

  const showIssues = useCallback(
    (issues: FieldIssue[]) => {
      // Paths come from messages, not from the values' type: address the form untyped.
      const untyped: FormInstance = form;
      const fields = untyped.getFieldsError();
      const registered = new Set(fields.map((field) => pathOf(field.name)));
      const placed = new Map<string, string[]>();
      const loose: FieldIssue[] = [];
      for (const issue of issues) {
        const path = toFormPath(issue.path);
        // One message per field, the first: a price that cannot be read need not also be "missing".
        if (registered.has(path)) placed.set(path, placed.get(path) ?? [issue.message]);
        else loose.push(issue);
      }
      untyped.setFields([
        ...fields.filter((field) => field.errors.length > 0).map((field) => ({ name: field.name, errors: [] })),
        ...Array.from(placed, ([path, errors]) => ({ name: namePath(path), errors })),
      ]);
      setUnplaced(loose);
    },
    [form, toFormPath],
  );

  const submit = useCallback(async (): Promise<boolean> => {
    setFailure(null);
    const converted = toBody(form.getFieldsValue(true));
    const parsed = schema.safeParse(converted.body);
    const issues = [...converted.issues, ...(parsed.success ? [] : issuesOfZod(parsed.error.issues, locale))];
    showIssues(issues);
    if (!parsed.success || issues.length > 0) return false;
    setBusy(true);
    try {
      await action(parsed.data);
      return true;
    } catch (error) {
      showIssues(issuesOfAnswer(error, locale));
      setFailure(error);
      return false;
    } finally {
      setBusy(false);
    }
  }, [form, schema, action, toBody, locale, showIssues]);

  /** A field's message goes when its value changes (pass to the Form's onFieldsChange). */
  const onFieldsChange = useCallback<NonNullable<FormProps<V>['onFieldsChange']>>(
    (changed) => {
      const stale = changed.filter((field) => (field.errors?.length ?? 0) > 0 && field.touched === true);
      if (stale.length > 0) form.setFields(stale.map((field) => ({ name: field.name, errors: [] })));
    },
    [form],
  );

  const clear = useCallback(() => {
    setFailure(null);
    showIssues([]);
  }, [showIssues]);

  return { submit, busy, failure, unplaced, clear, showIssues, onFieldsChange };
}
