// The Orthanc configuration for recist-reader's PACS: one JSON object, built here and nowhere else, so that
// `npm run pacs`, the tests and docs/pacs.md describe the same server.
import { fileURLToPath } from 'node:url';

/** Where Debian's packages put the plugins (`orthanc`, `orthanc-dicomweb`, `orthanc-python`, `orthanc-postgresql`). */
export const PLUGIN_DIR = '/usr/share/orthanc/plugins';

/** The app's path on Orthanc's web server: the app at `/recist/`, DICOMweb at `/dicom-web/`, one origin. */
export const APP_MOUNT = '/recist';
export const DICOMWEB_ROOT = '/dicom-web/';

/** Answers the folder URL `/recist/` with the app's index.html (ServeFolders answers only the files under it). */
export const APP_INDEX_SCRIPT = fileURLToPath(new URL('./appIndex.py', import.meta.url));

/** The PostgreSQL database that holds the index and the files of every Orthanc of a scaled-out site. */
export interface PostgresDatabase {
  host: string;
  port: number;
  database: string;
  username: string;
  password: string;
  /** TLS to the database server: on for a database on another machine. */
  ssl?: boolean;
}

export interface OrthancSettings {
  /** Orthanc's HTTP port (it listens on every interface; `RemoteAccessAllowed: false` refuses all but loopback). */
  httpPort: number;
  /** The SQLite index and the DICOM files; unused (but still required by Orthanc) when `postgres` is given. */
  storageDir: string;
  /** A built app folder (vite's `dist/`) to serve at `/recist/`; needs the `orthanc-python` plugin. */
  appDir?: string;
  /** HTTP basic-auth users (name -> password). None: no authentication, which loopback-only makes safe. */
  users?: Record<string, string>;
  /** Index and storage in PostgreSQL (the `orthanc-postgresql` plugins) instead of `storageDir`. */
  postgres?: PostgresDatabase;
  /** Shown in Orthanc's Explorer and its /system answer. */
  name?: string;
}

/** File name extensions ServeFolders does not know: without them the app's module workers and manifest are refused. */
const APP_MIME_TYPES: Record<string, string> = {
  '.mjs': 'text/javascript',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.dcm': 'application/dicom',
  '.csv': 'text/csv',
};

/** The plugin files to load, listed one by one (Debian's default config loads the whole folder). */
export function pluginFiles(settings: OrthancSettings): string[] {
  const files = ['libOrthancDicomWeb.so'];
  if (settings.appDir) files.push('libServeFolders.so', 'libOrthancPython.so');
  if (settings.postgres) files.push('libOrthancPostgreSQLIndex.so', 'libOrthancPostgreSQLStorage.so');
  return files.map((file) => `${PLUGIN_DIR}/${file}`);
}

export function orthancConfig(settings: OrthancSettings): Record<string, unknown> {
  const users = settings.users ?? {};
  const config: Record<string, unknown> = {
    Name: settings.name ?? 'recist-reader PACS',
    HttpPort: settings.httpPort,
    StorageDirectory: settings.storageDir,
    IndexDirectory: settings.storageDir,
    // Loopback only: Orthanc 1.10 cannot bind to one address, so every other client is answered 401.
    RemoteAccessAllowed: false,
    AuthenticationEnabled: Object.keys(users).length > 0,
    RegisteredUsers: users,
    // No DIMSE port: the app speaks DICOMweb only, and a DICOM listener would be one more open door.
    DicomServerEnabled: false,
    // The REST API must not write files or run scripts sent to it.
    ExecuteLuaEnabled: false,
    HttpDescribeErrors: true,
    Plugins: pluginFiles(settings),
    DicomWeb: {
      Enable: true,
      Root: DICOMWEB_ROOT,
      EnableWado: false,
      // No "Host": RetrieveURLs follow the request's Host header (or a proxy's Forwarded header), so they stay right
      // behind the Vite dev server's proxy and behind nginx.
    },
  };
  if (settings.appDir) {
    config.ServeFolders = {
      // The service worker decides what is cached; Orthanc must not add its own layer under it.
      AllowCache: false,
      GenerateETag: true,
      Folders: { [APP_MOUNT]: settings.appDir },
      Extensions: APP_MIME_TYPES,
    };
    config.PythonScript = APP_INDEX_SCRIPT;
    config.PythonVerbose = false;
    config.RecistReader = { AppMount: APP_MOUNT, AppFolder: settings.appDir };
  }
  if (settings.postgres) {
    const db = settings.postgres;
    config.PostgreSQL = {
      EnableIndex: true,
      EnableStorage: true,
      Host: db.host,
      Port: db.port,
      Database: db.database,
      Username: db.username,
      Password: db.password,
      EnableSsl: db.ssl ?? false,
      // Several Orthancs share the database: none may take it for itself.
      Lock: false,
      MaximumConnectionRetries: 10,
      ConnectionRetryInterval: 1,
    };
  }
  return config;
}
