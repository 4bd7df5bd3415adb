/** The workspace preview tree (being built). */
import type { RegisterFeature } from '../feature';

export const registerPreviewTree: RegisterFeature = () => [];
