import { useCallback, useState, type FormEvent } from 'react';
import { Button, Input, List, Switch, TextArea } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { endpoints, addressInputSchema, type Address } from '@pavilion/contracts';
import { useLocale } from '../../i18n/face-language.tsx';
import { errorText } from '../../shared/errors.ts';
import { returnPath } from '../../shared/navigation.ts';
import { useEndpoint } from '../../api/query.ts';
import { useFormSubmit } from '../../shared/use-form-submit.ts';
import type { AddressInput } from '../checkout/buying-api.ts';
import { SignedInContent } from '../components/sign-in-gate.tsx';
import { FieldError, StoreNote, StorePage } from '../store-ui.tsx';
import { divisionLabel } from './address-text.ts';
import { DivisionField, type DivisionChoice } from './division-field.tsx';
import { api } from '../../api/client.ts';

/** `/addresses/new` and `/addresses/:id`: a delivery address, checked with the contract's schema before it is sent. */
export function AddressFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const addresses = useEndpoint(endpoints.store.getAddresses, {});
  return (
    <StorePage title={id === undefined ? t('store.addresses.add') : t('store.addresses.edit')} backTo="/addresses">
      <SignedInContent loaded={addresses}>
        {(data) => {
          const address = id === undefined ? null : data.items.find((item) => item.id === id);
          if (address === undefined) return <StoreNote tone="danger">{t('store.addresses.notFound')}</StoreNote>;
          // The first address becomes the default without asking.
          return <AddressForm address={address} first={data.items.length === 0} />;
        }}
      </SignedInContent>
    </StorePage>
  );
}

function AddressForm({ address, first }: { address: Address | null; first: boolean }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const location = useLocation();
  const [name, setName] = useState(address?.name ?? '');
  const [phone, setPhone] = useState(address?.phone ?? '');
  const [street, setStreet] = useState(address?.street ?? '');
  const [isDefault, setIsDefault] = useState(address?.isDefault ?? first);
  const [region, setRegion] = useState<DivisionChoice | null>(
    address === null
      ? null
      : {
          provinceCode: address.provinceCode,
          cityCode: address.cityCode,
          districtCode: address.districtCode,
          label: divisionLabel([address.provinceName, address.cityName, address.districtName]),
        },
  );
  const action = useCallback(
    async (values: AddressInput) => {
      if (address === null) await api(endpoints.store.createAddress, { body: values });
      else await api(endpoints.store.updateAddress, { params: { id: address.id }, body: values });
      // Back where the buyer came from (the checkout), else to the address book.
      void navigate(returnPath(location.state, '/addresses'), { replace: true });
    },
    [address, navigate, location.state],
  );
  const form = useFormSubmit(addressInputSchema, action);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void form.submit({
      name,
      phone,
      provinceCode: region?.provinceCode,
      cityCode: region?.cityCode,
      districtCode: region?.districtCode ?? '',
      street,
      isDefault,
    });
  };
  const errors = form.fieldErrors;
  return (
    <form onSubmit={submit} noValidate data-testid="address-form">
      <List mode="card" style={{ margin: 0 }}>
        <List.Item title={t('store.addresses.name')}>
          <Input name="name" autoComplete="name" value={name} onChange={setName} placeholder={t('store.addresses.namePlaceholder')} maxLength={50} aria-invalid={errors.name !== undefined} aria-describedby="name-error" />
        </List.Item>
        <FieldError id="name-error" message={errors.name} />
        <List.Item title={t('common.fields.phone')}>
          <Input name="phone" type="tel" inputMode="numeric" autoComplete="tel" value={phone} onChange={setPhone} placeholder={t('store.login.phonePlaceholder')} aria-invalid={errors.phone !== undefined} aria-describedby="phone-error" />
        </List.Item>
        <FieldError id="phone-error" message={errors.phone} />
        <List.Item title={t('store.addresses.region')}>
          <DivisionField value={region} onChange={setRegion} invalid={errors.districtCode !== undefined} describedBy="region-error" />
        </List.Item>
        <FieldError id="region-error" message={errors.districtCode ?? errors.cityCode ?? errors.provinceCode} />
        <List.Item title={t('store.addresses.street')}>
          <TextArea name="street" autoSize={{ minRows: 2, maxRows: 4 }} maxLength={200} value={street} onChange={setStreet} placeholder={t('store.addresses.streetPlaceholder')} aria-invalid={errors.street !== undefined} aria-describedby="street-error" />
        </List.Item>
        <FieldError id="street-error" message={errors.street} />
        <List.Item extra={<Switch checked={isDefault} onChange={setIsDefault} data-testid="address-default-switch" aria-label={t('store.addresses.setDefault')} />}>
          {t('store.addresses.setDefault')}
        </List.Item>
      </List>
      {form.failure !== null && Object.keys(errors).length === 0 && <StoreNote tone="danger">{errorText(form.failure, locale)}</StoreNote>}
      <Button type="submit" block color="primary" loading={form.busy} data-testid="address-save" style={{ marginTop: 16 }}>
        {t('store.common.save')}
      </Button>
    </form>
  );
}
