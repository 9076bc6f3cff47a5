// What `import ... from 'electron'` gives the built main under the module hook of
// resolve-electron.mjs: the named exports of the stand-in that the test process installed
// (stand-in.ts, installElectronStandIn). Main's imports are static, so every name it imports
// must be listed here; a missing one fails the load with "does not provide an export named".
const standIn = globalThis[Symbol.for('jiebang.electron-stand-in')];
if (!standIn)
  throw new Error('electron stand-in: call installElectronStandIn() before loading main');

export const { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, session } =
  standIn.electron;
export default standIn.electron;
