// Toolbar and keyboard commands on one viewport, as pure view -> view functions.
import { fitScale, type ViewGeometry } from './viewGeometry';
import type { ViewState } from './viewState';
import { windowPreset, type WindowPresetId } from './windowPresets';

export type ViewCommand =
  | { readonly kind: 'preset'; readonly preset: WindowPresetId }
  | { readonly kind: 'fit' }
  | { readonly kind: 'reset' }
  | { readonly kind: 'invert' };

export interface CommandContext {
  /** How the image opens: the file's own window, fitted and centred, MONOCHROME1 shown inverted. */
  readonly initialView: ViewState;
  readonly geometry: ViewGeometry;
}

export function viewAfterCommand(command: ViewCommand, view: ViewState, context: CommandContext): ViewState {
  switch (command.kind) {
    case 'preset': {
      const { width, centre } = windowPreset(command.preset);
      return { ...view, windowWidth: width, windowCentre: centre };
    }
    case 'fit': return { ...view, scale: fitScale(context.geometry), pan: { x: 0, y: 0 } };
    case 'reset': return context.initialView;
    case 'invert': return { ...view, invert: !view.invert };
  }
}
