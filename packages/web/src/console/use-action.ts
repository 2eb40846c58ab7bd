import { useCallback, useState } from 'react';
import { App } from 'antd';
import { useLocale } from '../i18n/face-language.tsx';
import { errorText } from '../shared/errors.ts';
import { issuesOfAnswer } from './form-errors.ts';

/**
 * Runs a button's action (delete, publish, approve…): busy while it runs, a toast with `done` after,
 * the contract's message for the error code if it fails. Resolves to whether it succeeded.
 */
export function useAction() {
  const { message } = App.useApp();
  const { locale } = useLocale();
  const [running, setRunning] = useState<string | null>(null);
  const run = useCallback(
    async (key: string, action: () => Promise<unknown>, done?: string): Promise<boolean> => {
      setRunning(key);
      try {
        await action();
        if (done !== undefined) void message.success(done);
        return true;
      } catch (error) {
        // A refused upload or a field rule: say which field and why, not only "some fields are not valid".
        const issues = issuesOfAnswer(error, locale).map((issue) => issue.message);
        void message.error([errorText(error, locale), ...issues].join(' '));
        return false;
      } finally {
        setRunning(null);
      }
    },
    [message, locale],
  );
  return { run, running };
}
