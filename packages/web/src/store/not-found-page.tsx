import { Button, ErrorBlock } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { StorePage } from './store-ui.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <StorePage title="Pavilion" backTo="/">
      <ErrorBlock status="empty" title={t('common.notFound.title')} description={null}>
        <Button color="primary" onClick={() => void navigate('/')}>
          {t('common.notFound.home')}
        </Button>
      </ErrorBlock>
    </StorePage>
  );
}
