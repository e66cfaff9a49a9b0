/** The headset user's comfort choices (turning, seated or standing), kept on this device. */
import { createStore } from "zustand/vanilla";
import { readChoice, writeChoice } from "../ui/layout/rememberedChoice.ts";
import { POSTURE_CHOICES, TURN_CHOICES, type PostureChoice, type TurnChoice } from "./comfort.ts";

export const comfortChoices = createStore<{ turn: TurnChoice; posture: PostureChoice }>(() => ({
  turn: readChoice("vr.turn", TURN_CHOICES, "snap30"),
  posture: readChoice("vr.posture", POSTURE_CHOICES, "standing"),
}));

/** 30° steps → 45° steps → smooth → 30° steps. */
export function nextTurnChoice(): void {
  const { turn } = comfortChoices.getState();
  const next = TURN_CHOICES[(TURN_CHOICES.indexOf(turn) + 1) % TURN_CHOICES.length]!;
  comfortChoices.setState({ turn: next });
  writeChoice("vr.turn", next);
}

export function togglePosture(): void {
  const next: PostureChoice = comfortChoices.getState().posture === "seated" ? "standing" : "seated";
  comfortChoices.setState({ posture: next });
  writeChoice("vr.posture", next);
}
