/** "Shipshape: Render Helm Chart": wiring of the core renderer into the editor (being built). */
import type { RegisterFeature } from '../feature';

export const registerHelmFeatures: RegisterFeature = () => [];
