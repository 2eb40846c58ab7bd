import { useCallback, useState, type FormEvent } from 'react';
import { Button, Checkbox, Dialog, Input, List, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { endpoints, IDENTITY_CONSENT_VERSION, identityInputSchema, type Identity } from '@pavilion/contracts';
import { useLocale } from '../../i18n/face-language.tsx';
import { errorText } from '../../shared/errors.ts';
import { returnPath } from '../../shared/navigation.ts';
import { useEndpoint } from '../../api/query.ts';
import { useFormSubmit } from '../../shared/use-form-submit.ts';
import type { IdentityInput } from '../checkout/buying-api.ts';
import { Panel } from '../components/section.tsx';
import { SignedInContent } from '../components/sign-in-gate.tsx';
import { FieldError, StoreNote, StorePage } from '../store-ui.tsx';
import { isApiError, api } from '../../api/client.ts';

/**
 * The buyer's real-name identities (订购人) for customs. The first visit shows what the ID number is
 * used for and asks for separate consent (PIPL art. 29); only masked forms are ever shown.
 */
export function IdentitiesPage() {
  const { t } = useTranslation();
  const identities = useEndpoint(endpoints.store.getIdentities, {});
  return (
    <StorePage title={t('store.identities.title')} backTo="/me">
      <SignedInContent loaded={identities}>
        {(data) =>
          data.consent === null ? (
            <ConsentScreen onAccepted={identities.reload} />
          ) : (
            <>
              <IdentityList items={data.items} onChanged={identities.reload} />
              <IdentityForm onAdded={identities.reload} onConsentNeeded={identities.reload} />
            </>
          )
        }
      </SignedInContent>
    </StorePage>
  );
}

/** What the ID number is for, how it is kept, who sees it; the buyer ticks and agrees, or goes back. */
function ConsentScreen({ onAccepted }: { onAccepted: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const [ticked, setTicked] = useState(false);
  const [busy, setBusy] = useState(false);
  const agree = async () => {
    setBusy(true);
    try {
      await api(endpoints.store.consentToIdentities, { body: { textVersion: IDENTITY_CONSENT_VERSION } });
      onAccepted();
    } catch (error) {
      Toast.show({ content: errorText(error, locale) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Panel title={t('store.identities.consent.title')} testId="identity-consent">
      <div style={{ fontSize: 14, lineHeight: 1.7 }}>
        <p style={{ marginTop: 0 }}>{t('store.identities.consent.intro')}</p>
        <ul style={{ paddingLeft: 18 }}>
          <li>{t('store.identities.consent.purpose')}</li>
          <li>{t('store.identities.consent.storage')}</li>
          <li>{t('store.identities.consent.exporters')}</li>
          <li>{t('store.identities.consent.deletion')}</li>
        </ul>
        <p style={{ fontSize: 12, color: 'var(--adm-color-weak)' }}>{t('store.identities.consent.version', { version: IDENTITY_CONSENT_VERSION })}</p>
      </div>
      <Checkbox checked={ticked} onChange={setTicked} data-testid="identity-consent-check" style={{ fontSize: 14 }}>
        {t('store.identities.consent.agreeText')}
      </Checkbox>
      <div style={{ display: 'flex', gap: 8, marginTop: 16 }}>
        <Button block onClick={() => void navigate(-1)}>
          {t('store.identities.consent.decline')}
        </Button>
        <Button block color="primary" disabled={!ticked} loading={busy} data-testid="identity-consent-agree" onClick={() => void agree()}>
          {t('store.identities.consent.agree')}
        </Button>
      </div>
    </Panel>
  );
}

function IdentityList({ items, onChanged }: { items: Identity[]; onChanged: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const remove = async (identity: Identity) => {
    const confirmed = await Dialog.confirm({
      content: t('store.identities.deleteConfirm', { name: identity.nameMasked }),
      confirmText: t('store.common.delete'),
      cancelText: t('store.common.cancel'),
    });
    if (!confirmed) return;
    try {
      await api(endpoints.store.deleteIdentity, { params: { id: identity.id } });
      onChanged();
    } catch (error) {
      Toast.show({ content: errorText(error, locale) });
    }
  };
  if (items.length === 0) return <StoreNote tone="info">{t('store.identities.empty')}</StoreNote>;
  return (
    <List mode="card" style={{ margin: '0 0 12px' }} data-testid="identity-list">
      {items.map((identity) => (
        <List.Item
          key={identity.id}
          data-testid="identity-item"
          description={<span data-testid="identity-number">{identity.idNumberMasked}</span>}
          extra={
            <Button size="mini" color="danger" fill="outline" data-testid="identity-delete" onClick={() => void remove(identity)}>
              {t('store.common.delete')}
            </Button>
          }
        >
          {identity.nameMasked}
        </List.Item>
      ))}
    </List>
  );
}

/** Name and ID number, checked as the server checks them (GB 11643 check digit, the name on the card). */
function IdentityForm({ onAdded, onConsentNeeded }: { onAdded: () => void; onConsentNeeded: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const location = useLocation();
  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const action = useCallback(
    async (values: IdentityInput) => {
      try {
        await api(endpoints.store.createIdentity, { body: values });
      } catch (error) {
        // The consent was withdrawn elsewhere: show the consent screen again.
        if (isApiError(error, 'CONSENT_REQUIRED')) onConsentNeeded();
        throw error;
      }
      setName('');
      setIdNumber('');
      const back = returnPath(location.state, '');
      if (back === '') onAdded();
      else void navigate(back, { replace: true });
    },
    [onAdded, onConsentNeeded, navigate, location.state],
  );
  const form = useFormSubmit(identityInputSchema, action);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void form.submit({ name, idNumber });
  };
  return (
    <form onSubmit={submit} noValidate data-testid="identity-form">
      <Panel title={t('store.identities.add')}>
        <List style={{ '--border-top': 'none', '--border-bottom': 'none' }}>
          <List.Item title={t('store.identities.name')}>
            <Input name="idName" autoComplete="name" value={name} onChange={setName} placeholder={t('store.identities.namePlaceholder')} maxLength={30} aria-invalid={form.fieldErrors.name !== undefined} aria-describedby="id-name-error" />
          </List.Item>
          <FieldError id="id-name-error" message={form.fieldErrors.name} />
          <List.Item title={t('store.identities.idNumber')}>
            <Input name="idNumber" autoComplete="off" value={idNumber} onChange={setIdNumber} placeholder={t('store.identities.idNumberPlaceholder')} maxLength={18} aria-invalid={form.fieldErrors.idNumber !== undefined} aria-describedby="id-number-error" />
          </List.Item>
          <FieldError id="id-number-error" message={form.fieldErrors.idNumber} />
        </List>
        <StoreNote tone="info">{t('store.identities.sameAsPayer')}</StoreNote>
        {form.failure !== null && Object.keys(form.fieldErrors).length === 0 && <StoreNote tone="danger">{errorText(form.failure, locale)}</StoreNote>}
        <Button type="submit" block color="primary" loading={form.busy} data-testid="identity-save">
          {t('store.identities.save')}
        </Button>
      </Panel>
    </form>
  );
}
