import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Button, Input, List } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { endpoints, otpRequestSchema, otpVerifyRequestSchema, passwordLoginRequestSchema } from '@pavilion/contracts';
import { type OtpRequest, type OtpVerifyRequest, type PasswordLoginRequest, api } from '../api/client.ts';
import { useInvalidate } from '../api/query.ts';
import { useLocale } from '../i18n/face-language.tsx';
import { errorText } from '../shared/errors.ts';
import { returnPath } from '../shared/navigation.ts';
import { useFormSubmit } from '../shared/use-form-submit.ts';
import { mergeGuestCart } from './cart/cart-state.ts';
import { FieldError, StoreNote, StorePage } from './store-ui.tsx';

type SentCode = { phone: string; delivery: 'sms' | 'log'; expiresInSeconds: number; resendAfterSeconds: number };

/** Buyers sign in with a mainland mobile number and a 6-digit code sent to it; importers' company members with their email and password. */
export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [sent, setSent] = useState<SentCode | null>(null);
  const [byPassword, setByPassword] = useState(false);
  const invalidate = useInvalidate();
  const signedIn = useCallback(() => {
    // The account read as a guest (401) is not the one now signed in.
    void invalidate(endpoints.auth.getMe);
    void navigate(returnPath(location.state, '/'), { replace: true });
  }, [navigate, location.state, invalidate]);
  return (
    <StorePage title={t('store.login.title')} backTo="/">
      {byPassword ? (
        <PasswordStep onSignedIn={signedIn} />
      ) : sent === null ? (
        <PhoneStep onSent={setSent} />
      ) : (
        <CodeStep sent={sent} onResent={setSent} onChangePhone={() => setSent(null)} onSignedIn={signedIn} />
      )}
      {!byPassword && sent?.delivery === 'log' && <StoreNote tone="info">{t('store.login.devHint')}</StoreNote>}
      <Button type="button" fill="none" size="small" block onClick={() => setByPassword(!byPassword)} data-testid="password-login" style={{ marginTop: 12 }}>
        {byPassword ? t('store.login.byPhone') : t('store.login.byPassword')}
      </Button>
    </StorePage>
  );
}

async function sendCode(request: OtpRequest): Promise<SentCode> {
  return { phone: request.phone, ...(await api(endpoints.auth.requestOtp, { body: request })) };
}

function PhoneStep({ onSent }: { onSent: (sent: SentCode) => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [phone, setPhone] = useState('');
  const action = useCallback(async (request: OtpRequest) => onSent(await sendCode(request)), [onSent]);
  const form = useFormSubmit(otpRequestSchema, action);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void form.submit({ phone });
  };
  return (
    <form onSubmit={submit} noValidate>
      <List mode="card" style={{ margin: 0 }}>
        <List.Item title={t('common.fields.phone')}>
          <Input
            name="phone"
            type="tel"
            inputMode="numeric"
            autoComplete="tel"
            placeholder={t('store.login.phonePlaceholder')}
            value={phone}
            onChange={setPhone}
            aria-invalid={form.fieldErrors.phone !== undefined}
            aria-describedby="phone-error"
          />
        </List.Item>
      </List>
      <FieldError id="phone-error" message={form.fieldErrors.phone} />
      {form.failure !== null && <StoreNote tone="danger">{errorText(form.failure, locale)}</StoreNote>}
      <Button type="submit" color="primary" block loading={form.busy} style={{ marginTop: 16 }}>
        {t('store.login.sendCode')}
      </Button>
    </form>
  );
}

/** Importers' company members (and staff) have an email and password account rather than a mobile number. */
function PasswordStep({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const form = useFormSubmit(
    passwordLoginRequestSchema,
    useCallback(async (request: PasswordLoginRequest) => {
      await api(endpoints.auth.login, { body: request });
      await mergeGuestCart();
      onSignedIn();
    }, [onSignedIn]),
  );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void form.submit({ email, password, session: 'cookie' });
  };
  return (
    <form onSubmit={submit} noValidate data-testid="password-login-form">
      <StoreNote tone="info">{t('store.login.passwordHint')}</StoreNote>
      <List mode="card" style={{ margin: 0 }}>
        <List.Item title={t('common.fields.email')}>
          <Input name="email" type="email" autoComplete="username" value={email} onChange={setEmail} aria-invalid={form.fieldErrors.email !== undefined} aria-describedby="email-error" />
        </List.Item>
        <List.Item title={t('common.fields.password')}>
          <Input name="password" type="password" autoComplete="current-password" value={password} onChange={setPassword} aria-invalid={form.fieldErrors.password !== undefined} aria-describedby="password-error" />
        </List.Item>
      </List>
      <FieldError id="email-error" message={form.fieldErrors.email} />
      <FieldError id="password-error" message={form.fieldErrors.password} />
      {form.failure !== null && Object.keys(form.fieldErrors).length === 0 && <StoreNote tone="danger">{errorText(form.failure, locale)}</StoreNote>}
      <Button type="submit" color="primary" block loading={form.busy} data-testid="password-login-submit" style={{ marginTop: 16 }}>
        {t('store.login.submit')}
      </Button>
    </form>
  );
}

type CodeStepProps = {
  sent: SentCode;
  onResent: (sent: SentCode) => void;
  onChangePhone: () => void;
  onSignedIn: () => void;
};

function CodeStep({ sent, onResent, onChangePhone, onSignedIn }: CodeStepProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [code, setCode] = useState('');
  const waitSeconds = useCountdown(sent);
  const verify = useFormSubmit(
    otpVerifyRequestSchema,
    useCallback(async (request: OtpVerifyRequest) => {
      await api(endpoints.auth.verifyOtp, { body: request });
      // What the visitor put in the cart as a guest joins the account's cart.
      await mergeGuestCart();
      onSignedIn();
    }, [onSignedIn]),
  );
  const resend = useFormSubmit(
    otpRequestSchema,
    useCallback(async (request: OtpRequest) => onResent(await sendCode(request)), [onResent]),
  );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void verify.submit({ phone: sent.phone, code });
  };
  const failure = verify.failure ?? resend.failure;
  return (
    <form onSubmit={submit} noValidate>
      <StoreNote tone="info">
        {t('store.login.codeSent', { phone: sent.phone, minutes: Math.ceil(sent.expiresInSeconds / 60) })}
      </StoreNote>
      <List mode="card" style={{ margin: 0 }}>
        <List.Item title={t('common.fields.code')}>
          <Input
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            placeholder={t('store.login.codePlaceholder')}
            value={code}
            onChange={setCode}
            aria-invalid={verify.fieldErrors.code !== undefined}
            aria-describedby="code-error"
          />
        </List.Item>
      </List>
      <FieldError id="code-error" message={verify.fieldErrors.code ?? verify.fieldErrors.phone} />
      {failure !== null && <StoreNote tone="danger">{errorText(failure, locale)}</StoreNote>}
      <Button type="submit" color="primary" block loading={verify.busy} style={{ marginTop: 16 }}>
        {t('store.login.submit')}
      </Button>
      <div style={{ display: 'flex', justifyContent: 'space-between', marginTop: 12 }}>
        <Button type="button" fill="none" size="small" onClick={onChangePhone}>
          {t('store.login.changePhone')}
        </Button>
        <Button
          type="button"
          fill="none"
          size="small"
          disabled={waitSeconds > 0}
          loading={resend.busy}
          onClick={() => void resend.submit({ phone: sent.phone })}
        >
          {waitSeconds > 0 ? t('store.login.resendIn', { seconds: waitSeconds }) : t('store.login.resend')}
        </Button>
      </div>
    </form>
  );
}

/** Seconds left before another code may be requested; restarts whenever a new code is sent. */
function useCountdown(sent: SentCode): number {
  const [left, setLeft] = useState(sent.resendAfterSeconds);
  useEffect(() => {
    setLeft(sent.resendAfterSeconds);
    const timer = window.setInterval(() => setLeft((seconds) => Math.max(0, seconds - 1)), 1000);
    return () => window.clearInterval(timer);
  }, [sent]);
  return left;
}
