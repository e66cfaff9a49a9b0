/**
 * A software headset for development and browser tests: with `?xr=quest3`
 * in the URL, an emulated Meta Quest 3 is installed before anything asks
 * for WebXR, and exposed as `window.meridianXrDevice` for tests to drive.
 * With `&room=office_small` (or another captured room) it also sees a real
 * room for AR: passthrough, planes and hit-testing on its tables and floor.
 * The emulator is a separate chunk loaded only then.
 */
export async function installEmulatedHeadsetIfAsked(): Promise<void> {
  const query = new URLSearchParams(globalThis.location.search);
  if (query.get("xr") !== "quest3") return;
  const { XRDevice, metaQuest3 } = await import("iwer");
  const device = new XRDevice(metaQuest3);
  // Chromium has its own navigator.xr without immersive support; replace it.
  device.installRuntime({ forceInstall: true });
  const room = query.get("room");
  if (room && /^[a-z_]+$/.test(room)) {
    const { SyntheticEnvironmentModule } = await import("@iwer/sem");
    device.installSEM(SyntheticEnvironmentModule);
    await device.sem!.loadDefaultEnvironment(room);
  }
  (globalThis as { meridianXrDevice?: unknown }).meridianXrDevice = device;
}
