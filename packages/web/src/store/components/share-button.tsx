import { Button, Dialog, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';

/** Copies the current page's address (with its filters) for pasting into WeChat and the like. */
export function ShareButton() {
  const { t } = useTranslation();
  const share = async () => {
    const url = window.location.href;
    if (await copyText(url)) {
      Toast.show({ content: t('store.share.copied'), position: 'bottom' });
      return;
    }
    // Clipboard refused (an old WebView, a permission): show the link so it can be copied by hand.
    await Dialog.alert({
      title: t('store.share.manualTitle'),
      content: <div style={{ userSelect: 'all', overflowWrap: 'anywhere', fontSize: 14 }}>{url}</div>,
      confirmText: t('store.share.close'),
    });
  };
  return (
    <Button size="mini" fill="outline" data-testid="share-button" onClick={() => void share()}>
      {t('store.share.button')}
    </Button>
  );
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No async clipboard here (plain http, a WebView): the older way still works in many browsers.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
