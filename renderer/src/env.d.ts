/// <reference path="../../electron/preload/global.d.ts" />
