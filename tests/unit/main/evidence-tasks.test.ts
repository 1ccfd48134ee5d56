import { describe, expect, it, vi } from 'vitest';
import { EvidenceTasks, PROGRESS_INTERVAL_MS } from '../../../electron/main/evidence-tasks.ts';
import { CaseVaultError } from '../../../shared/errors.ts';
import type { TaskProgress } from '../../../shared/evidence/schemas.ts';

function setup() {
  let relay: ((p: TaskProgress) => void) | undefined;
  const service = {
    cancel: vi.fn(async (_id: string) => {}),
    onProgress: (listener: (p: TaskProgress) => void) => {
      relay = listener;
      return () => {
        relay = undefined;
      };
    },
  };
  const now = { t: 0 };
  const send = vi.fn();
  let n = 0;
  const tasks = new EvidenceTasks(service, send, { now: () => now.t, newId: () => `svc-${++n}` });
  return { tasks, service, send, now, relay: (p: TaskProgress) => relay?.(p) };
}

describe('evidence tasks', () => {
  it('relays the service progress of the file in flight with its position and name, throttled', () => {
    const { tasks, send, now, relay } = setup();
    const task = tasks.begin('ui-1', 2);
    const sid = task.startFile(0, 'photo.jpg', 1000);
    relay({ taskId: sid, done: 100, total: 1000 });
    now.t = PROGRESS_INTERVAL_MS;
    relay({ taskId: sid, done: 200, total: 1000 });
    relay({ taskId: sid, done: 300, total: 1000 });
    relay({ taskId: 'someone-else', done: 1, total: 2 });
    task.finishFile(1000);
    expect(send.mock.calls.map(([p]) => [p.index, p.count, p.name, p.done])).toEqual([
      [0, 2, 'photo.jpg', 0],
      [0, 2, 'photo.jpg', 200],
      [0, 2, 'photo.jpg', 1000],
    ]);
    relay({ taskId: sid, done: 500, total: 1000 });
    expect(send).toHaveBeenCalledTimes(3);
  });

  it('refuses a second task under a running task’s id, accepts it once ended', () => {
    const { tasks } = setup();
    const task = tasks.begin('ui-1', 1);
    expect(() => tasks.begin('ui-1', 1)).toThrow(CaseVaultError);
    task.end();
    expect(tasks.running).toBe(0);
    expect(() => tasks.begin('ui-1', 1)).not.toThrow();
  });

  it('cancels the service task of the file in flight; unknown tasks are ignored', async () => {
    const { tasks, service } = setup();
    const task = tasks.begin('ui-1', 3);
    const sid = task.startFile(1, 'clip.mp4', 10);
    await tasks.cancel('ui-1');
    expect(task.cancelled).toBe(true);
    expect(service.cancel).toHaveBeenCalledWith(sid);
    await tasks.cancel('nope');
    expect(service.cancel).toHaveBeenCalledTimes(1);
  });
});
