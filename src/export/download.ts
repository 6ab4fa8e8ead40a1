// The one export module that touches the DOM: hands a file to the browser's download (an <a download> click on an
// object URL, released once the browser has taken it).
import type { ExportFile } from './exportFiles';

export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The click starts the download synchronously from the URL; a timeout lets slow browsers take it first.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadExportFile(file: ExportFile): void {
  downloadBlob(file.filename, new Blob([file.text], { type: 'text/csv;charset=utf-8' }));
}
