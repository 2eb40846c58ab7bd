import { endpoints } from '@pavilion/contracts';
import { List } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLocale } from '../../i18n/face-language.tsx';
import { formatDateTime } from '../../shared/china-time.ts';
import { pick } from '../../shared/localized.ts';
import { useEndpoint } from '../../api/query.ts';
import { formatYuan } from '../components/money-text.ts';
import { SignedInContent } from '../components/sign-in-gate.tsx';
import { StoreNote, StorePage } from '../store-ui.tsx';
import { ReturnStageTag } from './return-detail-page.tsx';

/** `/returns`: the buyer's returns, newest first, each with its stage. */
export function ReturnsPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const returns = useEndpoint(endpoints.store.getReturns, {});
  return (
    <StorePage title={t('store.returns.listTitle')} backTo="/me">
      <SignedInContent loaded={returns}>
        {(data) =>
          data.items.length === 0 ? (
            <StoreNote tone="info">{t('store.returns.none')}</StoreNote>
          ) : (
            <List mode="card" data-testid="returns-list">
              {data.items.map((ret) => (
                <List.Item
                  key={ret.id}
                  data-testid="return-row"
                  data-return-id={ret.id}
                  onClick={() => void navigate(`/returns/${ret.id}`)}
                  description={`${ret.order.number} · ${formatDateTime(ret.requestedAt)}`}
                  extra={<ReturnStageTag stage={ret.stage} />}
                >
                  {pick(locale, ret.lines[0]?.titleZh ?? '', ret.lines[0]?.titleEn ?? '')} · {formatYuan(ret.refundFen)}
                </List.Item>
              ))}
            </List>
          )
        }
      </SignedInContent>
    </StorePage>
  );
}
