/**
 * electron-builder afterPack hook: flips Electron's fuses in the packaged binary before it is
 * signed. Fuses are compiled-in switches a user (or malware) cannot turn back on with a flag or an
 * environment variable; see docs/architecture.md for why each is set.
 * CommonJS because electron-builder requires hooks; @electron/fuses is ESM, hence the import().
 */
const path = require('node:path');

function electronBinary(context) {
  const name = context.packager.appInfo.productFilename;
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(context.appOutDir, `${name}.app`);
    case 'win32':
      return path.join(context.appOutDir, `${name}.exe`);
    default:
      return path.join(context.appOutDir, context.packager.executableName);
  }
}

exports.default = async function afterPack(context) {
  const { flipFuses, FuseVersion, FuseV1Options } = await import('@electron/fuses');
  const binary = electronBinary(context);
  await flipFuses(binary, {
    version: FuseVersion.V1,
    // arm64 macOS refuses to run a binary whose ad-hoc signature no longer matches.
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && context.arch === 3 /* arm64 */,
    // No `ELECTRON_RUN_AS_NODE=1 CaseVault evil.js`: the binary is never a general Node runtime.
    [FuseV1Options.RunAsNode]: false,
    // NODE_OPTIONS could preload code (--require) into main.
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    // --inspect would let anyone on the machine attach a debugger to main and read keys.
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    // Only the signed app.asar, never a loose app/ folder dropped next to it.
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    // app.asar must match the hash embedded at build time (macOS and Windows).
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    // Cookies encrypted with the OS keystore (we set none, but Chromium may store some state).
    [FuseV1Options.EnableCookieEncryption]: true,
    // We ship no custom V8 snapshot.
    [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
    // file:// gets no extra privileges: the app loads from casevault://.
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  });
  console.log(`[after-pack] fuses flipped on ${path.basename(binary)}`);
};
