// docs/pacs.md shows the Orthanc configuration a site deploys: it must be what orthancConfig builds, not a copy that
// drifted.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { orthancConfig } from '../../scripts/pacs/orthancConfig';

const DOC = readFileSync(new URL('../../docs/pacs.md', import.meta.url), 'utf8');
const jsonBlocks = [...DOC.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1] ?? '') as Record<string, unknown>);

describe('docs/pacs.md', () => {
  it('gives the hospital Orthanc configuration exactly as orthancConfig builds it with users', () => {
    expect(jsonBlocks[0]).toEqual(
      orthancConfig({
        name: 'Hospital PACS for recist-reader',
        httpPort: 8042,
        storageDir: '/var/lib/orthanc/db',
        users: { 'reader-1': 'a-long-random-password', 'reader-2': 'another-long-random-password' },
      }),
    );
  });

  it('gives the scale-out plugins and PostgreSQL settings exactly as orthancConfig builds them', () => {
    const built = orthancConfig({
      httpPort: 8042,
      storageDir: '/var/lib/orthanc/db',
      postgres: { host: '127.0.0.1', port: 5432, database: 'orthanc', username: 'orthanc', password: 'the-database-password' },
    });
    expect(jsonBlocks[1]).toEqual({ Plugins: built.Plugins, PostgreSQL: built.PostgreSQL });
  });
});
