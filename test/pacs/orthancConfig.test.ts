// The configuration `npm run pacs`, the tests and docs/pacs.md share: what it must and must not open.
import { describe, expect, it } from 'vitest';
import { orthancConfig } from '../../scripts/pacs/orthancConfig';

describe('orthancConfig', () => {
  const base = { httpPort: 8042, storageDir: '/srv/pacs' };

  it('is loopback only, without a DICOM port or remote scripts, and without users unless given', () => {
    const config = orthancConfig(base);
    expect(config).toMatchObject({ RemoteAccessAllowed: false, DicomServerEnabled: false, ExecuteLuaEnabled: false, AuthenticationEnabled: false });
    expect(orthancConfig({ ...base, users: { reader: 'secret' } })).toMatchObject({ AuthenticationEnabled: true, RegisteredUsers: { reader: 'secret' } });
  });

  it('lists each plugin file it needs, never the whole plugin folder', () => {
    const names = (settings: Parameters<typeof orthancConfig>[0]) => (orthancConfig(settings).Plugins as string[]).map((p) => p.split('/').pop());
    expect(names(base)).toEqual(['libOrthancDicomWeb.so']);
    expect(names({ ...base, appDir: '/srv/app' })).toEqual(['libOrthancDicomWeb.so', 'libServeFolders.so', 'libOrthancPython.so']);
    expect(names({ ...base, postgres: { host: '127.0.0.1', port: 5432, database: 'orthanc', username: 'orthanc', password: 'x' } })).toEqual([
      'libOrthancDicomWeb.so',
      'libOrthancPostgreSQLIndex.so',
      'libOrthancPostgreSQLStorage.so',
    ]);
  });

  it('leaves DICOMweb RetrieveURLs to the request Host (no hard-coded "localhost" as in Debian\'s dicomweb.json)', () => {
    expect(orthancConfig(base).DicomWeb).not.toHaveProperty('Host');
  });

  it('shares the PostgreSQL database between Orthancs (no lock) for index and files', () => {
    const config = orthancConfig({ ...base, postgres: { host: '127.0.0.1', port: 5432, database: 'orthanc', username: 'orthanc', password: 'x' } });
    expect(config.PostgreSQL).toMatchObject({ EnableIndex: true, EnableStorage: true, Lock: false });
  });
});
