// The measurements of the slice on the canvas, drawn as SVG over it: long and short axes, handles of the editable
// ones, and a label with the lengths in millimetres. Positions come from the view and geometry of the frame
// cornerstone last drew (measurementLayerStore), so the lines stay on the anatomy through zoom, pan, window, resize
// and scrolling. Only this component subscribes to the store: a drag re-renders the layer, not the pane.
import { memo, useSyncExternalStore } from 'react';
import type { CtInstance } from '../dicom/ctInstance';
import type { ImagePointPx, Segment } from '../tracking/types';
import { HANDLE_IDS, handlePoint, type HandleId } from './bidirectional';
import type { MeasurementLayerStore } from './measurementLayerStore';
import { measurementCaption } from './measurementLabel';
import { isOnSlice, type MeasurementAxes, type MeasurementShape } from './measurementShape';
import { PROPOSAL_ID, type ProposedMeasurement } from './proposedMeasurement';
import { imageToCanvas } from './viewGeometry';
import type { CanvasPoint } from './viewState';

export interface MeasurementLayerProps {
  readonly store: MeasurementLayerStore;
  /** The viewport's slices: the store says which one is on the canvas. */
  readonly slices: readonly CtInstance[];
  /** The viewport's measurements, on any of its slices; those on the slice shown are drawn. */
  readonly shapes: readonly MeasurementShape[];
  /** A measurement offered to the reader, drawn with its outline when its slice is on the canvas. */
  readonly proposal?: ProposedMeasurement | undefined;
}

/** Screen radius of a handle; grabbing reaches further (measurementHit.HANDLE_GRAB_PX). */
const HANDLE_RADIUS_PX = 3.5;
/** The handle a press would move (or is moving) is drawn as large as the reach of a grab, so it is unmistakable. */
const HOT_HANDLE_RADIUS_PX = 6;
const LABEL_GAP_PX = 10;
/** A rough width per character of the label's font, to keep the label inside the canvas. */
const LABEL_CHAR_PX = 7;

type ToCanvas = (p: ImagePointPx) => CanvasPoint;

interface LabelPlacement {
  readonly x: number;
  readonly y: number;
  readonly anchor: 'start' | 'end';
}

/** Beside the long axis' right-hand end, or its left-hand end when the right side has no room. */
function placeLabel(longAxis: Segment, toCanvas: ToCanvas, text: string, width: number, height: number): LabelPlacement {
  const a = toCanvas(longAxis.start);
  const b = toCanvas(longAxis.end);
  const [left, right] = a.x <= b.x ? [a, b] : [b, a];
  const textWidth = text.length * LABEL_CHAR_PX;
  const clampY = (y: number) => Math.min(height - 6, Math.max(16, y));
  if (right.x + LABEL_GAP_PX + textWidth <= width - 4 || left.x - LABEL_GAP_PX - textWidth < 4) {
    return { x: right.x + LABEL_GAP_PX, y: clampY(right.y - 6), anchor: 'start' };
  }
  return { x: left.x - LABEL_GAP_PX, y: clampY(left.y - 6), anchor: 'end' };
}

function Axis({ segment, axis, toCanvas }: { segment: Segment; axis: 'long' | 'short'; toCanvas: ToCanvas }) {
  const a = toCanvas(segment.start);
  const b = toCanvas(segment.end);
  return (
    <>
      <line className="measurement__halo" x1={a.x} y1={a.y} x2={b.x} y2={b.y} />
      <line className="measurement__line" data-axis={axis} x1={a.x} y1={a.y} x2={b.x} y2={b.y} />
    </>
  );
}

interface ShapeViewProps {
  readonly id?: string;
  readonly axes: MeasurementAxes;
  readonly caption: string;
  readonly toCanvas: ToCanvas;
  readonly width: number;
  readonly height: number;
  readonly handles: boolean;
  readonly selected: boolean;
  readonly editable: boolean;
  readonly drawing?: boolean;
  /** Offered, not yet in the record (one-click, Suggest). */
  readonly proposed?: boolean;
  /** Its handle under the pointer, or held by it. */
  readonly hot?: HandleId | undefined;
}

function ShapeView({ id, axes, caption, toCanvas, width, height, handles, selected, editable, drawing = false, proposed = false, hot }: ShapeViewProps) {
  const label = placeLabel(axes.longAxis, toCanvas, caption, width, height);
  const classes = ['measurement', selected && 'measurement--selected', !editable && 'measurement--locked', drawing && 'measurement--drawing', proposed && 'measurement--proposed'];
  return (
    <g
      className={classes.filter(Boolean).join(' ')}
      data-testid={drawing ? 'measurement-drawing' : proposed ? 'measurement-proposal' : 'measurement'}
      data-measurement-id={id}
      data-selected={drawing ? undefined : selected}
    >
      <Axis segment={axes.longAxis} axis="long" toCanvas={toCanvas} />
      {axes.shortAxis && <Axis segment={axes.shortAxis} axis="short" toCanvas={toCanvas} />}
      {handles && HANDLE_IDS.map((handle) => {
        const at = handlePoint(axes, handle);
        if (!at) return null;
        const c = toCanvas(at);
        const isHot = handle === hot;
        return (
          <circle
            key={handle}
            className={isHot ? 'measurement__handle measurement__handle--hot' : 'measurement__handle'}
            data-handle={handle}
            data-hot={isHot || undefined}
            cx={c.x}
            cy={c.y}
            r={isHot ? HOT_HANDLE_RADIUS_PX : HANDLE_RADIUS_PX}
          />
        );
      })}
      <text
        className="measurement__label"
        data-testid={proposed ? 'proposal-label' : 'measurement-label'}
        // The DOM hit test for labels (usePointerTools): a press here selects the measurement.
        data-measurement-label={id}
        x={label.x}
        y={label.y}
        textAnchor={label.anchor}
      >
        {caption}
      </text>
    </g>
  );
}

/** The outline a proposal was separated by: where the reader checks that the right lesion was taken. */
function Outline({ contour, toCanvas }: { contour: ProposedMeasurement['contour']; toCanvas: ToCanvas }) {
  const points = contour.map((p) => {
    const c = toCanvas(p);
    return `${c.x.toFixed(1)},${c.y.toFixed(1)}`;
  }).join(' ');
  return (
    <>
      <polygon className="measurement__outline-halo" points={points} />
      <polygon className="measurement__outline" data-testid="proposal-outline" points={points} />
    </>
  );
}

export const MeasurementLayer = memo(function MeasurementLayer({ store, slices, shapes, proposal }: MeasurementLayerProps) {
  const { frame, live, pending, hot } = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const slice = frame ? slices[frame.sliceIndex] : undefined;
  if (!frame || !slice) return null;
  const { view, geometry } = frame;
  const toCanvas: ToCanvas = (p) => imageToCanvas(view, geometry, p);
  const { canvasWidth: width, canvasHeight: height } = geometry;
  const edit = live?.kind === 'editing' ? live : pending;
  const onSlice = shapes.filter((shape) => isOnSlice(shape, slice));
  // The selected one last, so it is drawn over its neighbours.
  const ordered = [...onSlice.filter((s) => !s.selected), ...onSlice.filter((s) => s.selected)];
  return (
    <svg className="measurement-layer" data-testid="measurement-layer" width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
      {ordered.map((shape) => {
        const axes = edit && edit.shapeId === shape.id ? edit.axes : shape;
        return (
          <ShapeView
            key={shape.id}
            id={shape.id}
            axes={axes}
            caption={measurementCaption(shape.label, axes, shape.pixelSpacingMm)}
            toCanvas={toCanvas}
            width={width}
            height={height}
            handles={shape.editable}
            selected={shape.selected}
            editable={shape.editable}
            hot={shape.editable && hot?.shapeId === shape.id ? hot.handle : undefined}
          />
        );
      })}
      {proposal && isOnSlice(proposal, slice) && (() => {
        const axes = edit && edit.shapeId === PROPOSAL_ID ? edit.axes : proposal;
        return (
          <g data-testid="proposal">
            <Outline contour={proposal.contour} toCanvas={toCanvas} />
            <ShapeView
              id={PROPOSAL_ID}
              axes={axes}
              caption={measurementCaption(proposal.label, axes, proposal.pixelSpacingMm)}
              toCanvas={toCanvas}
              width={width}
              height={height}
              handles
              selected={false}
              editable
              proposed
              hot={hot?.shapeId === PROPOSAL_ID ? hot.handle : undefined}
            />
          </g>
        );
      })()}
      {live?.kind === 'drawing' && (
        <ShapeView
          axes={live.axes}
          caption={measurementCaption('', live.axes, live.spacing)}
          toCanvas={toCanvas}
          width={width}
          height={height}
          handles
          selected={false}
          editable
          drawing
        />
      )}
    </svg>
  );
});
