// Drop files or folders anywhere on the screen. The DataTransfer goes to `onDrop` during the drop event itself,
// because the browser empties it as soon as the handler returns.
import { useRef, useState, type DragEvent, type ReactNode } from 'react';
import './import.css';

export interface DropZoneProps {
  readonly onDrop: (dataTransfer: DataTransfer) => void;
  readonly disabled?: boolean;
  readonly children: ReactNode;
}

const carriesFiles = (event: DragEvent) => Array.from(event.dataTransfer.types).includes('Files');

export function DropZone({ onDrop, disabled = false, children }: DropZoneProps) {
  const [over, setOver] = useState(false);
  // dragenter/dragleave fire for every child crossed; count them to know when the pointer really left.
  const depth = useRef(0);
  const onDragEnter = (event: DragEvent) => {
    if (disabled || !carriesFiles(event)) return;
    event.preventDefault();
    depth.current++;
    setOver(true);
  };
  const onDragOver = (event: DragEvent) => {
    if (disabled || !carriesFiles(event)) return;
    // Without preventDefault the browser would open the file itself instead of dropping it here.
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  };
  const onDragLeave = () => {
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) setOver(false);
  };
  const onDropEvent = (event: DragEvent) => {
    depth.current = 0;
    setOver(false);
    if (disabled || !carriesFiles(event)) return;
    event.preventDefault();
    onDrop(event.dataTransfer);
  };
  return (
    <div
      className="drop-zone"
      data-testid="drop-zone"
      data-over={over}
      onDragEnter={onDragEnter}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDropEvent}
    >
      {children}
      {over && (
        <div className="drop-zone__hint" aria-hidden="true">
          <div className="drop-zone__hint-box">Drop DICOM files or folders to open them</div>
        </div>
      )}
    </div>
  );
}
