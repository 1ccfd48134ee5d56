/**
 * `files:pick` opens the OS dialog (main's, injected) and `files:dropped` takes the paths the
 * preload resolved from dropped File objects. Both answer with tokens only after main itself
 * checked every path is an existing regular file (files/chosen-files.ts).
 */
import { issueTokens } from '../../files/chosen-files.ts';
import type { Register } from '../handler-table.ts';
import type { IpcDeps } from '../registry.ts';

export function registerFilesHandlers(register: Register, deps: IpcDeps): void {
  register('files:pick', async ({ multiple }) => {
    deps.activity();
    const paths = await deps.openDialog({ multiple });
    return issueTokens(deps.fileTokens, paths);
  });
  register('files:dropped', async ({ paths }) => {
    deps.activity();
    return issueTokens(deps.fileTokens, paths);
  });
}
