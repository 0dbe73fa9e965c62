import { execFileSync } from 'node:child_process';
import { linkSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { hostManifestText } from '../../src/host/host-manifest';
import { CHROME_MANIFEST, FIREFOX_MANIFEST, registrationKeys } from '../../src/host/windows/install';

/**
 * Windows installers for ep-doctor-host, built on Linux with wixl (msitools):
 * - per user (no admin): the program and its two manifests in %LOCALAPPDATA%\ep-doctor, HKCU keys;
 * - per machine (administrators, fleet roll-out): %ProgramFiles%\ep-doctor, HKLM keys (64-bit view).
 * The manifests name the program by a path relative to their own folder, which Chrome and Firefox
 * accept on Windows, so the files are the same wherever the MSI puts them. Uninstalling removes the
 * keys, the files and the folder.
 */
export type MsiScope = 'per-user' | 'per-machine';

// Fixed per variant: a newer MSI of the same variant upgrades the older one in place.
const CODES: Record<MsiScope, { upgrade: string; component: string }> = {
  'per-user': { upgrade: '6B1F3E52-1C39-4E0B-9F2B-0F6C1D9E2A01', component: '0C7E4C6F-5B7D-4B8F-A7B1-6E3D2C1B0A11' },
  'per-machine': { upgrade: '8D2A5C71-3E4B-4F6A-B1C2-2D7E9F0A3B02', component: '1E8F5D7A-6C8E-4C9A-B8C2-7F4E3D2C1B12' },
};

const xml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** MSI versions are major.minor.build, each a number. */
export function msiVersion(version: string): string {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (match === null) throw new Error(`not a version an MSI can carry: ${version}`);
  return `${match[1]}.${match[2]}.${match[3]}`;
}

export function wxs(scope: MsiScope, version: string, files: { exe: string; chrome: string; firefox: string }): string {
  const perUser = scope === 'per-user';
  const root = perUser ? 'HKCU' : 'HKLM';
  const keys = registrationKeys();
  const registry = keys.map((k, i) => {
    const manifest = k.firefox ? FIREFOX_MANIFEST : CHROME_MANIFEST;
    // Per user, a registry value is the component's key path (a file in the profile cannot be one).
    const keyPath = perUser && i === 0 ? ' KeyPath="yes"' : '';
    return `            <RegistryValue Root="${root}" Key="${xml(k.key)}" Type="string" Value="[INSTALLDIR]${xml(manifest)}"${keyPath}/>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
  <Product Id="*" Name="ep-doctor-host" Language="1033" Codepage="1252" Version="${msiVersion(version)}" Manufacturer="ep-doctor" UpgradeCode="${CODES[scope].upgrade}">
    <Package InstallerVersion="500" Compressed="yes" InstallScope="${perUser ? 'perUser' : 'perMachine'}" Description="ep-doctor companion (read-only diagnostics), ${perUser ? 'for this user' : 'for all users'}" Comments="Registers ep-doctor-host for Chrome, Chromium, Yandex Browser, Edge and Firefox"/>
    <MajorUpgrade DowngradeErrorMessage="A newer ep-doctor-host is already installed."/>
    <Media Id="1" Cabinet="host.cab" EmbedCab="yes"/>
    <Property Id="ARPNOMODIFY" Value="1"/>
    <Directory Id="TARGETDIR" Name="SourceDir">
      <Directory Id="${perUser ? 'LocalAppDataFolder' : 'ProgramFiles64Folder'}">
        <Directory Id="INSTALLDIR" Name="ep-doctor">
          <Component Id="Host" Guid="${CODES[scope].component}" Win64="yes">
            <File Id="HostExe" Name="ep-doctor-host.exe" Source="${xml(files.exe)}"${perUser ? '' : ' KeyPath="yes"'}/>
            <File Id="ChromeManifest" Name="${CHROME_MANIFEST}" Source="${xml(files.chrome)}"/>
            <File Id="FirefoxManifest" Name="${FIREFOX_MANIFEST}" Source="${xml(files.firefox)}"/>
${registry.join('\n')}
            <RemoveFolder Id="RemoveInstallDir" On="uninstall"/>
          </Component>
        </Directory>
      </Directory>
    </Directory>
    <Feature Id="Main" Level="1">
      <ComponentRef Id="Host"/>
    </Feature>
  </Product>
</Wix>
`;
}

/** Builds the MSI for a scope from the win-x64 executable; returns its path. */
export function buildMsi(scope: MsiScope, version: string, exe: string, outDir: string): string {
  const work = path.join(outDir, `msi-${scope}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  // wixl finds sources only by paths relative to where it runs.
  linkSync(exe, path.join(work, 'ep-doctor-host.exe'));
  writeFileSync(path.join(work, CHROME_MANIFEST), hostManifestText('chromium', 'ep-doctor-host.exe'));
  writeFileSync(path.join(work, FIREFOX_MANIFEST), hostManifestText('firefox', 'ep-doctor-host.exe'));
  writeFileSync(path.join(work, 'ep-doctor-host.wxs'), wxs(scope, version, { exe: 'ep-doctor-host.exe', chrome: CHROME_MANIFEST, firefox: FIREFOX_MANIFEST }));
  const out = path.join(outDir, `ep-doctor-host-${version}-x64-${scope}.msi`);
  execFileSync('wixl', ['-a', 'x64', '-o', out, 'ep-doctor-host.wxs'], { cwd: work, stdio: 'pipe' });
  rmSync(work, { recursive: true, force: true });
  return out;
}
