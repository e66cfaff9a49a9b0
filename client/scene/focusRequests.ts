/** "Show me the step": asked from the interface (a button, the Z key), answered by the scene's framing. */
import { createStore } from "zustand/vanilla";

export const focusRequests = createStore<number>(() => 0);

export function requestStepFocus(): void {
  focusRequests.setState((serial) => serial + 1, true);
}
