import { Title } from '@mantine/core';
import { type ReactNode, useEffect, useRef } from 'react';

/**
 * Every screen starts with one <h1> that takes focus when the screen appears (unless the screen
 * focuses its first field instead), so keyboard and screen-reader users land at the top of the new
 * screen instead of on <body>.
 */
export function ScreenTitle({ children, focus = true }: { children: ReactNode; focus?: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <Title order={1} size="h2" ref={ref} tabIndex={-1} className="screen-title">
      {children}
    </Title>
  );
}
