import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProductStatus, revisionStates } from '@pavilion/contracts';

type RevisionState = (typeof revisionStates)[number];

const statusColors = {
  draft: 'default',
  submitted: 'processing',
  changes_requested: 'warning',
  published: 'success',
  unpublished: 'default',
  archived: 'default',
} as const satisfies Record<ProductStatus, string>;

/** A live product (published or unpublished) keeps selling its live version while an edit waits. */
const isLive = (status: ProductStatus) => status === 'published' || status === 'unpublished';

/**
 * The product's status and, for a live product, where its edit stands: "edit pending review" while
 * the operators look at it, "changes requested" when they sent it back, "unsubmitted edit" before.
 */
export function ProductStateTags({ status, workingState }: { status: ProductStatus; workingState: RevisionState | null }) {
  const { t } = useTranslation();
  const edit = isLive(status) && workingState !== null && workingState !== 'approved' && workingState !== 'superseded' ? workingState : null;
  return (
    <Space size={4} wrap>
      <Tag color={statusColors[status]} data-status={status} data-testid="product-status">
        {t(`console.productStatus.${status}`)}
      </Tag>
      {edit !== null && (
        <Tag color={edit === 'submitted' ? 'processing' : edit === 'changes_requested' ? 'warning' : 'default'} data-working={edit}>
          {t(`console.editState.${edit}`)}
        </Tag>
      )}
    </Space>
  );
}
