import { useCallback, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { endpoints, invitationCreateRequestSchema } from '@pavilion/contracts';
import { FormFailure } from '../../console/form-failure.tsx';
import { useConsoleForm } from '../../console/use-console-form.ts';
import { withRuleMessages, type InvitationCreated } from '../onboarding/onboarding-api.ts';
import { api } from '../../api/client.ts';

type InviteValues = { email: string };

/**
 * Invites a colleague by email. There is no mail sender yet, so the link the answer carries (once:
 * the server keeps only its hash) is shown here for the member to pass on.
 */
export function InviteCard({ onInvited }: { onInvited: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<InviteValues>();
  const [created, setCreated] = useState<InvitationCreated | null>(null);
  const invite = useCallback(
    async ({ email }: InviteValues) => {
      setCreated(null);
      try {
        setCreated(await api(endpoints.exporter.createInvitation, { body: { email } }));
      } catch (error) {
        throw withRuleMessages(error, {
          already_member: t('exporter.team.alreadyMember'),
          already_invited: t('exporter.team.alreadyInvited'),
        });
      }
      form.resetFields();
      onInvited();
    },
    [form, onInvited, t],
  );
  const submitter = useConsoleForm({ form, schema: invitationCreateRequestSchema, action: invite });
  const copy = async (link: string) => {
    try {
      await navigator.clipboard.writeText(link);
      void message.success(t('exporter.team.copied'));
    } catch {
      // No clipboard (an insecure origin, a refused permission): the link stays selectable.
      void message.warning(t('exporter.team.copyFailed'));
    }
  };
  return (
    <Card title={t('exporter.team.inviteTitle')}>
      <FormFailure failure={submitter.failure} unplaced={submitter.unplaced} />
      <Form<InviteValues>
        form={form}
        layout="inline"
        noValidate
        initialValues={{ email: '' }}
        onFieldsChange={submitter.onFieldsChange}
        onFinish={() => void submitter.submit()}
        disabled={submitter.busy}
        style={{ rowGap: 8 }}
      >
        <Form.Item name="email" label={t('common.fields.email')} style={{ minWidth: 320 }}>
          <Input name="email" type="email" autoComplete="off" data-testid="team-invite-email" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submitter.busy} data-testid="team-invite-submit">
          {t('exporter.team.invite')}
        </Button>
      </Form>
      {created !== null && (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 16 }}
          title={t('exporter.team.sendLink', { email: created.email })}
          description={
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Space.Compact style={{ width: '100%' }}>
                <Input readOnly value={created.acceptUrl} data-testid="invite-link" onFocus={(event) => event.target.select()} />
                <Button onClick={() => void copy(created.acceptUrl)} data-testid="invite-copy">{t('exporter.team.copy')}</Button>
              </Space.Compact>
              <Typography.Text type="secondary">{t('exporter.team.linkExpires', { date: created.expiresAt.slice(0, 10) })}</Typography.Text>
            </Space>
          }
        />
      )}
    </Card>
  );
}
