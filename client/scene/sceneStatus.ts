/**
 * Whether the 3D scene is up, and how far along its asset downloads are
 * (controller models, later lesson models), for the interface's progress bar
 * and for offering "Enter VR" only once a session can start.
 */
import { DefaultLoadingManager } from "three";
import { createStore } from "zustand/vanilla";

export interface SceneStatus {
  ready: boolean;
  /** Files being fetched right now; undefined when nothing is loading. */
  loading: { loaded: number; total: number } | undefined;
}

export const sceneStatus = createStore<SceneStatus>(() => ({ ready: false, loading: undefined }));

DefaultLoadingManager.onStart = (_url, loaded, total) => sceneStatus.setState({ loading: { loaded, total } });
DefaultLoadingManager.onProgress = (_url, loaded, total) => sceneStatus.setState({ loading: { loaded, total } });
DefaultLoadingManager.onLoad = () => sceneStatus.setState({ loading: undefined });
DefaultLoadingManager.onError = () => sceneStatus.setState({ loading: undefined });
