import { endpoints } from '@pavilion/contracts';
import { Button, Card, Popconfirm, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ConsoleError, ConsoleLoading } from '../../console/console-feedback.tsx';
import { useAction } from '../../console/use-action.ts';
import { useEndpoint } from '../../api/query.ts';
import { exporterPaths } from '../exporter-paths.ts';
import type { Invitation } from '../onboarding/onboarding-api.ts';
import { InviteCard } from './invite-card.tsx';
import { api } from '../../api/client.ts';

/** The exporter's team: its members, the invitations still open, and a new invitation. */
export function TeamPage() {
  const { t } = useTranslation();
  const profile = useEndpoint(endpoints.exporter.getProfile, {});
  const invitations = useEndpoint(endpoints.exporter.getInvitations, {});
  if (profile.status === 'loading') return <ConsoleLoading />;
  if (profile.status === 'failed') return <ConsoleError error={profile.error} loginPath={exporterPaths.login} onRetry={profile.reload} />;
  const none = t('common.none');
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('exporter.team.title')}</Typography.Title>
      <Card title={t('exporter.home.team')}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={profile.data.members}
          data-testid="team-members"
          columns={[
            { key: 'displayName', title: t('exporter.home.memberName'), dataIndex: 'displayName' },
            { key: 'email', title: t('exporter.home.memberEmail'), render: (_, member) => member.email ?? none },
          ]}
        />
      </Card>
      <InviteCard onInvited={invitations.reload} />
      <Card title={t('exporter.team.openTitle')}>
        {invitations.status === 'loading' && <ConsoleLoading />}
        {invitations.status === 'failed' && (
          <ConsoleError error={invitations.error} loginPath={exporterPaths.login} onRetry={invitations.reload} />
        )}
        {invitations.status === 'done' && <InvitationTable items={invitations.data.items} onRevoked={invitations.reload} />}
      </Card>
    </Space>
  );
}

function InvitationTable({ items, onRevoked }: { items: Invitation[]; onRevoked: () => void }) {
  const { t } = useTranslation();
  const { run, running } = useAction();
  const revoke = async (id: string) => {
    if (await run(id, () => api(endpoints.exporter.deleteInvitation, { params: { id } }), t('exporter.team.revoked'))) onRevoked();
  };
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={items}
      data-testid="team-invitations"
      locale={{ emptyText: t('exporter.team.noInvitations') }}
      columns={[
        { key: 'email', title: t('common.fields.email'), dataIndex: 'email' },
        { key: 'invitedBy', title: t('exporter.team.invitedBy'), render: (_, item) => item.invitedBy ?? t('common.none') },
        { key: 'createdAt', title: t('exporter.team.invitedAt'), render: (_, item) => item.createdAt.slice(0, 10) },
        { key: 'expiresAt', title: t('exporter.team.expiresAt'), render: (_, item) => item.expiresAt.slice(0, 10) },
        {
          key: 'actions',
          title: t('console.actions'),
          render: (_, item) => (
            <Popconfirm title={t('exporter.team.revokeConfirm', { email: item.email })} onConfirm={() => void revoke(item.id)}>
              <Button size="small" danger loading={running === item.id} data-testid="invitation-revoke">
                {t('exporter.team.revoke')}
              </Button>
            </Popconfirm>
          ),
        },
      ]}
    />
  );
}
