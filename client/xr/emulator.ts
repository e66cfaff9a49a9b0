/**
 * A software headset for development and browser tests: with `?xr=quest3`
 * in the URL, an emulated Meta Quest 3 is installed before anything asks
 * for WebXR, and exposed as `window.meridianXrDevice` for tests to drive.
 * The emulator is a separate chunk loaded only then.
 */
export async function installEmulatedHeadsetIfAsked(): Promise<void> {
  if (new URLSearchParams(globalThis.location.search).get("xr") !== "quest3") return;
  const { XRDevice, metaQuest3 } = await import("iwer");
  const device = new XRDevice(metaQuest3);
  // Chromium has its own navigator.xr without immersive support; replace it.
  device.installRuntime({ forceInstall: true });
  (globalThis as { meridianXrDevice?: unknown }).meridianXrDevice = device;
}
