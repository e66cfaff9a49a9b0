/**
 * With `?test=1`, exposes what browser tests need to check what a
 * participant sees: the connection and the drawn pose of each object.
 */
import type { Draft } from "../../shared/studio.ts";
import type { Pose } from "../../shared/math.ts";
import { shownLabels } from "../scene/labelRegistry.ts";
import { renderedObjects, renderedWidths, screenProjection, vrButtons, xrOriginPlace } from "../scene/sceneRegistry.ts";
import type { VoicePeerStats, VoiceState } from "../voice/voiceChannel.ts";
import { JanusVoice } from "../voice/janusVoice.ts";
import { voiceSession } from "../voice/voiceSession.ts";
import { type ArPlacementState, arPlacement } from "../xr/arPlacement.ts";
import { sessionStore } from "./session.ts";

export interface MeridianTestHooks {
  seat(): string | undefined;
  code(): string | undefined;
  /** Where this participant's scene draws an object now. */
  renderedPose(objectId: string): Pose | undefined;
  /** The object's pose in the replicated state. */
  statePose(objectId: string): Pose | undefined;
  heldBy(objectId: string): string | undefined;
  /** Where on the page (CSS pixels) an object is drawn, on a screen view. */
  screenPoint(objectId: string): [number, number] | undefined;
  /** How many CSS pixels across an object is drawn on a screen view. */
  pixelsAcross(objectId: string): number | undefined;
  /** The name tags shown on a screen view, with their rectangles (CSS pixels, the canvas's frame). */
  shownLabels(): { text: string; rect: [number, number, number, number] }[];
  /** Draw calls and triangles of the last frame drawn on a screen view. */
  drawn(): { calls: number; triangles: number } | undefined;
  /** In VR: where the play space stands and its turn about the vertical (radians). */
  xrOrigin(): { position: [number, number, number]; yaw: number } | undefined;
  /** Where a VR menu button is (world pose), while in VR. */
  vrButton(id: string): Pose | undefined;
  /** The camera's world position (where this participant looks from). */
  viewpoint(): [number, number, number] | undefined;
  /** In the lesson studio: the draft as this author has it. */
  draft(): Draft | undefined;
  /** The last refusal this participant received, if any. */
  lastRefusal(): { request: string; reason: string } | undefined;
  /** Objects this participant holds or has asked to hold. */
  holding(): string[];
  /**
   * Picks an object up and puts it down at a pose through the same intents a
   * drag sends (grab, move, release), for tests that need a precise spot.
   */
  place(objectId: string, pose: Pose): void;
  /** In AR: where this student put the lesson in their room, and the surface point looked at. */
  arPlacement(): ArPlacementState;
  /** Voice: audio bytes sent to and received from each other participant (WebRTC stats). */
  voiceStats(): Promise<VoicePeerStats[]>;
  /** Voice: the microphone, push-to-talk, whether this participant's voice is going out, the link. */
  voiceState(): VoiceState | undefined;
  /** Voice: the loudest a voice (a seat, or "media-server" for the mix) was heard over the last 0.7 s, 0–1. */
  voicePeak(seat: string): number;
  /** Voice through a media server: this participant's room and id there. */
  voiceServer(): { room: number; id: number } | undefined;
  /** Voice through a media server: unmutes this page there against the rules, as a changed page could. */
  voiceForceUnmute(): Promise<void>;
}

export function installTestHooksIfAsked(): void {
  if (new URLSearchParams(globalThis.location.search).get("test") !== "1") return;
  const connection = () => sessionStore.getState().connection;
  const hooks: MeridianTestHooks = {
    seat: () => connection()?.seat,
    code: () => connection()?.code,
    renderedPose: (id) => renderedObjects.get(id)?.(),
    statePose: (id) => {
      const pose = connection()?.state.objects.get(id)?.pose;
      return pose ? { p: [pose.px, pose.py, pose.pz], q: [pose.qx, pose.qy, pose.qz, pose.qw] } : undefined;
    },
    heldBy: (id) => connection()?.state.objects.get(id)?.heldBy,
    vrButton: (id) => vrButtons.get(id)?.(),
    xrOrigin: () => xrOriginPlace.current,
    drawn: () => screenProjection.drawn?.(),
    lastRefusal: () => connection()?.view.getState().lastRefusal,
    draft: () => connection()?.studio.store.getState().draft,
    holding: () => connection()?.view.getState().holding ?? [],
    viewpoint: () => screenProjection.viewpoint?.(),
    place: (id, pose) => {
      const active = connection();
      if (!active) return;
      active.grab(id, pose);
      active.move(id, pose);
      active.release(id, pose);
    },
    arPlacement: () => arPlacement.getState(),
    voiceStats: async () => (await voiceSession.getState().channel?.stats()) ?? [],
    voiceState: () => voiceSession.getState().channel?.state.getState(),
    voicePeak: (seat) => voiceSession.getState().audio?.peak(seat) ?? 0,
    voiceForceUnmute: async () => {
      const channel = voiceSession.getState().channel;
      if (channel instanceof JanusVoice) await channel.unmuteAgainstTheRules();
    },
    voiceServer: () => {
      const server = connection()?.view.getState().voiceServer;
      return server && { room: server.room, id: server.id };
    },
    pixelsAcross: (id) => {
      const pose = renderedObjects.get(id)?.();
      const width = renderedWidths.get(id)?.();
      return pose && width !== undefined ? screenProjection.pixelsAcross?.(pose.p, width) : undefined;
    },
    shownLabels: () => shownLabels.map((label) => ({ text: label.text, rect: [...label.rect] })),
    screenPoint: (id) => {
      const pose = renderedObjects.get(id)?.();
      return pose && screenProjection.project?.(pose.p);
    },
  };
  (globalThis as { meridianTest?: MeridianTestHooks }).meridianTest = hooks;
}
