// Shared by run.mjs (code-server) and electron/run-electron.mjs (@vscode/test-electron): the fixture
// workspace copy and the user settings that keep VS Code quiet and offline during a test run.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const integrationDir = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(integrationDir, '..', '..');
export const harnessDir = path.join(integrationDir, 'harness');
export const suitesDir = path.join(integrationDir, 'suites');
export const fixtureDir = path.join(integrationDir, 'fixtures', 'workspace');

/** Copies the fixture workspace to `dest` (tests edit files; the repository copy stays clean). */
export function copyFixtureWorkspace(dest) {
  fs.cpSync(fixtureDir, dest, { recursive: true });
  return dest;
}

export const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'npm.autoDetect': 'off',
  'typescript.disableAutomaticTypeAcquisition': true,
  // VS Code for the web (code-server) saves after 1 s by default; tests revert their edits instead.
  'files.autoSave': 'off',
  'files.hotExit': 'off',
  'window.confirmBeforeClose': 'never',
  'editor.minimap.enabled': false,
  'chat.commandCenter.enabled': false,
  'chat.disableAIFeatures': true,
};

export function writeUserSettings(userDataDir) {
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
}
