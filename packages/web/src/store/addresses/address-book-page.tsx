import { endpoints } from '@pavilion/contracts';
import { useState } from 'react';
import { Button, Dialog, ErrorBlock, List, Tag, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import type { Address } from '@pavilion/contracts';
import { useLocale } from '../../i18n/face-language.tsx';
import { errorText } from '../../shared/errors.ts';
import { useEndpoint } from '../../api/query.ts';
import { SignedInContent } from '../components/sign-in-gate.tsx';
import { StorePage } from '../store-ui.tsx';
import { addressLine, addressToInput } from './address-text.ts';
import { api } from '../../api/client.ts';

/** The buyer's delivery addresses: the default first, add, edit, make default, delete. */
export function AddressBookPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const addresses = useEndpoint(endpoints.store.getAddresses, {});
  return (
    <StorePage title={t('store.addresses.title')} backTo="/me">
      <SignedInContent loaded={addresses}>
        {(data) => (
          <>
            {data.items.length === 0 && <ErrorBlock status="empty" title={t('store.addresses.empty')} description={null} />}
            {data.items.length > 0 && (
              <List mode="card" style={{ margin: 0 }} data-testid="address-list">
                {data.items.map((address) => (
                  <AddressItem key={address.id} address={address} onChanged={addresses.reload} />
                ))}
              </List>
            )}
            <Button
              block
              color="primary"
              data-testid="address-add"
              style={{ marginTop: 16 }}
              onClick={() => void navigate('/addresses/new', { state: location.state })}
            >
              {t('store.addresses.add')}
            </Button>
          </>
        )}
      </SignedInContent>
    </StorePage>
  );
}

function AddressItem({ address, onChanged }: { address: Address; onChanged: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await action();
      onChanged();
    } catch (error) {
      Toast.show({ content: errorText(error, locale) });
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    if (await Dialog.confirm({ content: t('store.addresses.deleteConfirm'), confirmText: t('store.common.delete'), cancelText: t('store.common.cancel') })) {
      await run(() => api(endpoints.store.deleteAddress, { params: { id: address.id } }));
    }
  };
  return (
    <List.Item
      data-testid="address-item"
      data-address-id={address.id}
      description={
        <div>
          <div style={{ color: 'var(--adm-color-text)', marginTop: 2 }}>{addressLine(address)}</div>
          <div style={{ display: 'flex', gap: 4, marginTop: 8, flexWrap: 'wrap' }}>
            <Button size="mini" data-testid="address-edit" disabled={busy} onClick={() => void navigate(`/addresses/${address.id}`)}>
              {t('store.common.edit')}
            </Button>
            {!address.isDefault && (
              <Button size="mini" data-testid="address-make-default" disabled={busy} onClick={() => void run(() => api(endpoints.store.updateAddress, { params: { id: address.id }, body: { ...addressToInput(address), isDefault: true } }))}>
                {t('store.addresses.makeDefault')}
              </Button>
            )}
            <Button size="mini" color="danger" fill="outline" data-testid="address-delete" disabled={busy} onClick={() => void remove()}>
              {t('store.common.delete')}
            </Button>
          </div>
        </div>
      }
    >
      <span style={{ fontWeight: 600 }}>{address.name}</span> <span style={{ marginLeft: 8 }}>{address.phone}</span>
      {address.isDefault && (
        <Tag color="danger" fill="outline" style={{ marginLeft: 8 }} data-testid="address-default">
          {t('store.addresses.default')}
        </Tag>
      )}
    </List.Item>
  );
}
