import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { ReactNode } from 'react';

export interface ErrorBarProps {
  title: string;
  children: ReactNode;
  dismissLabel: string;
  onDismiss: () => void;
  className?: string;
  testId?: string;
}

/** A dismissible zh-CN error message, used by the pane and the standalone page. */
export function ErrorBar({ title, children, dismissLabel, onDismiss, className, testId }: ErrorBarProps) {
  return (
    <MessageBar intent="error" className={className} data-testid={testId}>
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {children}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button appearance="transparent" size="small" aria-label={dismissLabel} onClick={onDismiss}>
            ✕
          </Button>
        }
      />
    </MessageBar>
  );
}
