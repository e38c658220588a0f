/**
 * The Electron entry (package.json "main" -> dist/main/index.js after the
 * build). All of it is in main/electron/app.ts; the web form starts from
 * main/web/cli.ts instead and never loads this file.
 */
import { startDesktopApp } from './electron/app';

startDesktopApp();
