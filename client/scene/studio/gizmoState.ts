/** True while an author drags an on-screen handle: the camera then stays where it is. */
import { createStore } from "zustand/vanilla";

export const gizmoState = createStore<{ dragging: boolean }>(() => ({ dragging: false }));
