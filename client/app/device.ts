/** What this device can do, so the lobby offers only what works. */
import { Device } from "../../shared/protocolNames.ts";

export interface DeviceAbilities {
  vr: boolean;
  ar: boolean;
  touch: boolean;
  /** How this participant shows up to others. */
  device: Device;
}

export async function detectDevice(): Promise<DeviceAbilities> {
  const xr = globalThis.navigator?.xr;
  const supports = async (mode: XRSessionMode) => (xr ? xr.isSessionSupported(mode).catch(() => false) : false);
  const [vr, ar] = await Promise.all([supports("immersive-vr"), supports("immersive-ar")]);
  const touch = globalThis.matchMedia?.("(pointer: coarse)").matches ?? false;
  const device = vr ? Device.VR : ar ? Device.AR : touch ? Device.Mobile : Device.Desktop;
  return { vr, ar, touch, device };
}
