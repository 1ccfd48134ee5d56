/** The latest `task:progress` of one task (the renderer named it), or null before any arrives. */
import { useEffect, useState } from 'react';
import { sharingApi } from './api.ts';

export function useTaskProgress(taskId: string | null): { done: number; total: number } | null {
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  useEffect(() => {
    setProgress(null);
    if (!taskId) return undefined;
    try {
      return sharingApi.onProgress((event) => {
        if (event.taskId === taskId) setProgress({ done: event.done, total: event.total });
      });
    } catch {
      return undefined;
    }
  }, [taskId]);
  return progress;
}
