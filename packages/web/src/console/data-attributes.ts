import type { HTMLAttributes } from 'react';

/** `data-*` attributes for a component that takes HTML attributes as an object (antd's Table onRow). */
export function dataAttributes(attributes: { [key: `data-${string}`]: string }): HTMLAttributes<HTMLElement> {
  return attributes;
}
