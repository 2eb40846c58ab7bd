import type { ReactNode } from 'react';
import { Card, Flex, Typography, theme } from 'antd';
import { ConsoleLanguageSwitch } from '../../console/console-layout.tsx';

type PublicCardProps = { title: string; maxWidth: number; children: ReactNode };

/** The frame of the console's pages for visitors not signed in yet (applying, accepting an invitation). */
export function PublicCard({ title, maxWidth, children }: PublicCardProps) {
  const { token } = theme.useToken();
  return (
    <Flex vertical align="center" style={{ minHeight: '100vh', padding: '6vh 16px', background: token.colorBgLayout }}>
      <Card
        style={{ width: '100%', maxWidth }}
        title={<Typography.Title level={4} style={{ margin: 0, whiteSpace: 'normal' }}>{title}</Typography.Title>}
        extra={<ConsoleLanguageSwitch />}
      >
        {children}
      </Card>
    </Flex>
  );
}
