/** Kubernetes and Compose validation, hover and completion in YAML editors (being built). */
import type { RegisterFeature } from '../feature';

export const registerYamlFeatures: RegisterFeature = () => [];
