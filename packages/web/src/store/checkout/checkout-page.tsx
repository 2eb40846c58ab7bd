import { useCallback, useEffect, useState } from 'react';
import { Button, Checkbox, ErrorBlock, List, Popup, Radio, Space } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { endpoints, type Address, type Identity, type PlaceOrderInput, type Quote } from '@pavilion/contracts';
import { api, isApiError } from '../../api/client.ts';
import { useCachedQuery } from '../../api/query.ts';
import { useLocale } from '../../i18n/face-language.tsx';
import { returnState } from '../../shared/navigation.ts';
import { addressLine } from '../addresses/address-text.ts';
import { removeFromCart } from '../cart/cart-state.ts';
import { formatYuan } from '../components/money-text.ts';
import { Panel } from '../components/section.tsx';
import { SignedInContent } from '../components/sign-in-gate.tsx';
import { StoreLoading, StoreNote, StorePage } from '../store-ui.tsx';
import { finishCheckout, idempotencyKeyFor, readCheckoutDraft, type DraftLine } from './checkout-draft.ts';
import { checkoutErrorText, isCartProblem, isLimitError } from './checkout-errors.ts';
import { AmountRow, ShipmentCard, TaxPartRows } from './shipment-card.tsx';

const CHECKOUT_PATH = '/checkout';

/** The buyer's addresses and identities, read together: the checkout needs both. */
async function loadBuyerDetails() {
  const [addresses, identities] = await Promise.all([api(endpoints.store.getAddresses), api(endpoints.store.getIdentities)]);
  return { addresses: addresses.items, identities: identities.items };
}

/**
 * `/checkout`: the chosen cart lines with an address and a real-name identity become a quote per
 * shipment (goods, freight, CBEC tax, total, the rate used), the year's allowance left, and the risk
 * notice the buyer must accept before placing the orders and paying.
 */
export function CheckoutPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [draft] = useState(readCheckoutDraft);
  const details = useCachedQuery(['checkout buyer details'], loadBuyerDetails);
  return (
    <StorePage title={t('store.checkout.title')} backTo="/cart">
      {draft === null ? (
        <ErrorBlock status="empty" title={t('store.checkout.nothing')} description={null}>
          <Button color="primary" fill="outline" onClick={() => void navigate('/cart')}>
            {t('store.checkout.backToCart')}
          </Button>
        </ErrorBlock>
      ) : (
        <SignedInContent loaded={details}>
          {(data) => (
            // The choice starts afresh when the address book or the identities changed (one was just
            // added): a visit renders the last answer at once, then the fresh one.
            <Checkout key={`${data.addresses.map((a) => a.id).join(',')}|${data.identities.map((i) => i.id).join(',')}`} lines={draft.lines} addresses={data.addresses} identities={data.identities} />
          )}
        </SignedInContent>
      )}
    </StorePage>
  );
}

type QuoteState = { status: 'idle' } | { status: 'loading' } | { status: 'done'; quote: Quote } | { status: 'failed'; error: unknown };

function Checkout({ lines, addresses, identities }: { lines: DraftLine[]; addresses: Address[]; identities: Identity[] }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const [addressId, setAddressId] = useState<string | null>(() => (addresses.find((a) => a.isDefault) ?? addresses[0])?.id ?? null);
  const [identityId, setIdentityId] = useState<string | null>(() => identities[0]?.id ?? null);
  const [quote, setQuote] = useState<QuoteState>({ status: 'idle' });
  const [attempt, setAttempt] = useState(0);
  const [accepted, setAccepted] = useState(false);
  const [placing, setPlacing] = useState(false);
  const [placeError, setPlaceError] = useState<unknown>(null);

  useEffect(() => {
    if (addressId === null || identityId === null) {
      setQuote({ status: 'idle' });
      return;
    }
    let current = true;
    setQuote({ status: 'loading' });
    setPlaceError(null);
    api(endpoints.store.quoteCheckout, { body: { lines, addressId, identityId } }).then(
      (answer) => {
        if (current) setQuote({ status: 'done', quote: answer });
      },
      (error: unknown) => {
        if (current) setQuote({ status: 'failed', error });
      },
    );
    return () => {
      current = false;
    };
  }, [lines, addressId, identityId, attempt]);

  const riskVersion = quote.status === 'done' ? quote.quote.riskNotice.version : null;
  // A new notice (another version) must be accepted again.
  useEffect(() => setAccepted(false), [riskVersion]);

  const place = useCallback(async () => {
    if (quote.status !== 'done' || addressId === null || identityId === null) return;
    const body: PlaceOrderInput = { lines, addressId, identityId, riskNoticeVersion: quote.quote.riskNotice.version, paymentMethod: 'sandbox' };
    setPlacing(true);
    setPlaceError(null);
    try {
      const placed = await api(endpoints.store.createOrder, { body }, { headers: { 'Idempotency-Key': idempotencyKeyFor(body) } });
      finishCheckout();
      await clearBoughtLines(lines);
      if (placed.payment?.kind === 'sandbox') {
        // The payment page is the server's: it comes back to /orders?checkout=… when done.
        window.location.assign(placed.payment.url);
        return;
      }
      void navigate(`/orders?checkout=${encodeURIComponent(placed.checkoutId)}`, { replace: true });
    } catch (error) {
      setPlaceError(error);
      // The notice changed while the buyer read it: show the new one, to be accepted again.
      if (isApiError(error, 'RISK_NOTICE_NOT_ACCEPTED')) setAttempt((n) => n + 1);
    } finally {
      setPlacing(false);
    }
  }, [quote, lines, addressId, identityId, navigate]);

  const error = placeError ?? (quote.status === 'failed' ? quote.error : null);
  return (
    <div style={{ paddingBottom: 84 }}>
      <AddressPanel addresses={addresses} addressId={addressId} onChange={setAddressId} />
      <IdentityPanel identities={identities} identityId={identityId} onChange={setIdentityId} />
      {quote.status === 'loading' && <StoreLoading />}
      {error !== null && (
        <div role="alert" data-testid="checkout-error" data-code={isApiError(error) ? error.code : 'INTERNAL'} style={{ padding: '10px 12px', margin: '0 0 12px', borderRadius: 8, background: '#fff1f0', color: 'var(--adm-color-danger)', fontSize: 14, lineHeight: 1.6 }}>
          {checkoutErrorText(error, locale)}
          <div style={{ marginTop: 8 }}>
            {isLimitError(error) || isCartProblem(error) ? (
              <Button size="small" color="danger" fill="outline" onClick={() => void navigate('/cart')}>
                {t('store.checkout.backToCart')}
              </Button>
            ) : (
              <Button size="small" color="danger" fill="outline" onClick={() => setAttempt((n) => n + 1)}>
                {t('common.retry')}
              </Button>
            )}
          </div>
        </div>
      )}
      {quote.status === 'done' && <QuoteDetails quote={quote.quote} accepted={accepted} onAccept={setAccepted} />}
      <div
        className="pv-bottom-bar"
      >
        <div style={{ marginLeft: 'auto' }}>
          {t('store.checkout.grandTotal')}{' '}
          <strong data-testid="checkout-pay-total" style={{ color: 'var(--adm-color-danger)', fontSize: 18 }}>
            {quote.status === 'done' ? formatYuan(quote.quote.totalFen) : '—'}
          </strong>
        </div>
        <Button color="danger" data-testid="place-order" disabled={quote.status !== 'done' || !accepted} loading={placing} onClick={() => void place()}>
          {t('store.checkout.place')}
        </Button>
      </div>
    </div>
  );
}

/** The lines just ordered leave the cart (the placement does not touch the cart); a failure only leaves them there. */
async function clearBoughtLines(lines: readonly DraftLine[]): Promise<void> {
  for (const line of lines) {
    try {
      await removeFromCart(line.variantId);
    } catch {
      // Still in the cart: the buyer can remove it by hand.
    }
  }
}

function AddressPanel({ addresses, addressId, onChange }: { addresses: Address[]; addressId: string | null; onChange: (id: string) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [choosing, setChoosing] = useState(false);
  const chosen = addresses.find((address) => address.id === addressId);
  const add = () => void navigate('/addresses/new', { state: returnState(CHECKOUT_PATH) });
  return (
    <Panel title={t('store.checkout.address')} testId="checkout-address">
      {chosen === undefined ? (
        <Button block color="primary" fill="outline" data-testid="checkout-add-address" onClick={add}>
          {t('store.addresses.add')}
        </Button>
      ) : (
        <button type="button" onClick={() => setChoosing(true)} data-testid="checkout-address-chosen" style={{ all: 'unset', cursor: 'pointer', display: 'block', width: '100%' }}>
          <div style={{ fontWeight: 600 }}>
            {chosen.name} <span style={{ fontWeight: 400, marginLeft: 6 }}>{chosen.phone}</span>
          </div>
          <div style={{ fontSize: 14, color: 'var(--adm-color-text-secondary)', marginTop: 2 }}>
            {addressLine(chosen)} <span style={{ color: 'var(--adm-color-primary)' }}>›</span>
          </div>
        </button>
      )}
      <Popup visible={choosing} onMaskClick={() => setChoosing(false)} onClose={() => setChoosing(false)} bodyStyle={{ maxHeight: '70vh', overflowY: 'auto', borderRadius: '12px 12px 0 0' }}>
        <List header={t('store.checkout.chooseAddress')}>
          {addresses.map((address) => (
            <List.Item
              key={address.id}
              onClick={() => {
                onChange(address.id);
                setChoosing(false);
              }}
              description={addressLine(address)}
              extra={address.id === addressId ? '✓' : null}
            >
              {address.name} {address.phone}
            </List.Item>
          ))}
        </List>
        <div style={{ padding: 12 }}>
          <Button block color="primary" fill="outline" onClick={add}>
            {t('store.addresses.add')}
          </Button>
        </div>
      </Popup>
    </Panel>
  );
}

/** The real-name buyer (订购人): customs declares the order under this person, who must also pay. */
function IdentityPanel({ identities, identityId, onChange }: { identities: Identity[]; identityId: string | null; onChange: (id: string) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const add = () => void navigate('/identities', { state: returnState(CHECKOUT_PATH) });
  return (
    <Panel title={t('store.checkout.identity')} testId="checkout-identity">
      {identities.length === 0 ? (
        <>
          <StoreNote tone="info">{t('store.checkout.identityWhy')}</StoreNote>
          <Button block color="primary" fill="outline" data-testid="checkout-add-identity" onClick={add}>
            {t('store.identities.add')}
          </Button>
        </>
      ) : (
        <>
          <Radio.Group value={identityId} onChange={(value) => onChange(String(value))}>
            <Space direction="vertical">
              {identities.map((identity) => (
                <Radio key={identity.id} value={identity.id} data-testid="checkout-identity-option">
                  {identity.nameMasked} <span style={{ color: 'var(--adm-color-weak)', marginLeft: 6 }}>{identity.idNumberMasked}</span>
                </Radio>
              ))}
            </Space>
          </Radio.Group>
          <div>
            <Button size="mini" fill="none" color="primary" onClick={add} style={{ marginTop: 6, paddingLeft: 0 }}>
              {t('store.identities.add')} ›
            </Button>
          </div>
        </>
      )}
    </Panel>
  );
}

function QuoteDetails({ quote, accepted, onAccept }: { quote: Quote; accepted: boolean; onAccept: (on: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <>
      {quote.shipments.map((shipment, index) => (
        <ShipmentCard key={`${shipment.exporter.id}/${shipment.warehouse.id}/${shipment.customsMode}`} shipment={shipment} index={index} />
      ))}
      <Panel title={t('store.checkout.summary')} testId="quote-summary">
        {quote.shipments.length > 1 && <StoreNote tone="info">{t('store.checkout.splitNote', { count: quote.shipments.length })}</StoreNote>}
        <AmountRow label={t('store.checkout.goods')} fen={quote.goodsFen} testId="quote-goods" />
        <AmountRow label={t('store.checkout.freight')} fen={quote.freightFen} testId="quote-freight" />
        <AmountRow label={t('store.checkout.tax')} fen={quote.taxFen} testId="quote-tax" />
        <TaxPartRows parts={quote.taxParts} testId="quote-tax-parts" />
        <AmountRow label={t('store.checkout.grandTotal')} fen={quote.totalFen} testId="quote-total" strong />
        <p data-testid="annual-remaining" style={{ fontSize: 12, color: 'var(--adm-color-weak)', margin: '8px 0 0' }}>
          {t('store.checkout.annualRemaining', { amount: formatYuan(quote.annualRemainingFen) })}
        </p>
        <p style={{ fontSize: 12, color: 'var(--adm-color-weak)', margin: '4px 0 0' }}>{t('store.checkout.taxNote')}</p>
      </Panel>
      <Panel title={t('store.checkout.riskNotice')} testId="risk-notice">
        <div data-testid="risk-notice-text" data-version={quote.riskNotice.version} style={{ maxHeight: 220, overflowY: 'auto', fontSize: 13, lineHeight: 1.7, whiteSpace: 'pre-line', padding: 8, background: 'var(--adm-color-fill-content)', borderRadius: 6 }}>
          {quote.riskNotice.text}
        </div>
        <Checkbox checked={accepted} onChange={onAccept} data-testid="risk-accept" style={{ marginTop: 10, fontSize: 14 }}>
          {t('store.checkout.riskAccept')}
        </Checkbox>
      </Panel>
    </>
  );
}
