// Where the PACS's DICOMweb root is: by default on the app's own origin (`npm run pacs` serves both, and the
// Content-Security-Policy allows only 'self'); a reader can point it elsewhere, and the choice stays in this browser.
const ADDRESS_KEY = 'recist.pacsAddress';

export const defaultPacsAddress = (): string => `${location.origin}/dicom-web`;

export function readPacsAddress(): string {
  try {
    return localStorage.getItem(ADDRESS_KEY) || defaultPacsAddress();
  } catch {
    return defaultPacsAddress();
  }
}

/** An empty address goes back to the default. */
export function writePacsAddress(address: string): string {
  const trimmed = address.trim().replace(/\/+$/, '');
  try {
    if (trimmed === '' || trimmed === defaultPacsAddress()) localStorage.removeItem(ADDRESS_KEY);
    else localStorage.setItem(ADDRESS_KEY, trimmed);
  } catch {
    // Storage refused (private mode): the address holds for this page only.
  }
  return trimmed || defaultPacsAddress();
}
