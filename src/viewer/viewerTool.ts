// What the left mouse button does in a viewport: window/level (the default), one of the measuring tools, or one-click
// measurement (a click inside a lesion proposes its outline and bidirectional measurement).
import type { MeasurementTool } from '../tracking/types';

export type ViewerTool = 'windowLevel' | MeasurementTool | 'oneClick';

export const isMeasuringTool = (tool: ViewerTool): tool is MeasurementTool => tool === 'long-axis' || tool === 'bidirectional';

/** Choosing the tool already in use (its key or button again) goes back to window/level. */
export const toolAfterChoosing = (current: ViewerTool, chosen: ViewerTool): ViewerTool =>
  chosen === current && chosen !== 'windowLevel' ? 'windowLevel' : chosen;
