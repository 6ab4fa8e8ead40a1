// The cohort screen's one module that touches the DOM for downloads: text files, the plot's SVG element as a
// standalone .svg, and the same SVG drawn onto a canvas for a .png.
import { err, ok, type Result } from '../../shared/result';

export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The click starts the download from the URL; a delay lets a slow browser take it before it is released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const downloadCsv = (filename: string, text: string) => downloadBlob(filename, new Blob([text], { type: 'text/csv;charset=utf-8' }));

/** The element as an SVG document (the plot sets its colours and fonts as attributes, so it stands alone). */
export function svgDocument(svg: SVGSVGElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}\n`;
}

/** The SVG document drawn at `scale` times its size (2: sharp on a slide or a high-density screen). */
export async function svgToPng(svgText: string, width: number, height: number, scale = 2): Promise<Result<Blob, string>> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const image = new Image(width, height);
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) return err('no 2D canvas');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    return blob ? ok(blob) : err('the canvas gave no PNG');
  } catch (thrown: unknown) {
    // image.decode() rejects with a DOMException when the SVG cannot be drawn.
    return err(thrown instanceof Error ? thrown.message : String(thrown));
  } finally {
    URL.revokeObjectURL(url);
  }
}
