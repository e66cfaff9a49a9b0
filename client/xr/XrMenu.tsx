/**
 * The classroom menu inside VR: a panel at hand height, reached with a
 * controller ray or a hand, so nobody takes the headset off to raise a hand,
 * react, send a phrase or (as teacher) lead the lesson.
 */
import type { ThreeEvent } from "@react-three/fiber";
import { useXR } from "@react-three/xr";
import { createStore, useStore } from "zustand";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { CanvasTexture, SRGBColorSpace } from "three";
import { PHRASEBOOK, REACTION_SYMBOLS, type Phrase, type Reaction } from "../../shared/phrasebook.ts";
import { Role, type Language } from "../../shared/protocolNames.ts";
import { useClassView } from "../app/useStores.ts";
import { FONT_STACK } from "../i18n/fonts.ts";
import type { ClassroomConnection } from "../net/connection.ts";
import { worldPoseOf } from "../scene/poseConversion.ts";
import { vrButtons } from "../scene/sceneRegistry.ts";
import { voiceSession } from "../voice/voiceSession.ts";
import { placeAgain, resize, turn } from "./arPlacement.ts";
import { comfortChoices, nextTurnChoice, togglePosture } from "./comfortChoices.ts";

const BUTTON_HEIGHT = 0.05;
const GAP = 0.01;
const FULL = 0.36;
const HALF = (FULL - GAP) / 2;
const THIRD = (FULL - 2 * GAP) / 3;
const MENU_REACTIONS: Reaction[] = ["thumbsUp", "clap", "thinking"];
const MENU_PHRASES: Phrase[] = ["question", "repeat", "notUnderstood", "done"];
/** Stands in for the voice state before voice has started. */
const closedMic = createStore(() => ({ micOpen: false }));

interface MenuButton {
  id: string;
  label: string;
  press: () => void;
  width: number;
  active: boolean;
}

export function XrMenu({ connection }: { connection: ClassroomConnection }) {
  const { t, i18n } = useTranslation();
  const language = (i18n.resolvedLanguage ?? "en") as Language;
  const role = useClassView(connection.view, (v) => v.role);
  const step = useClassView(connection.view, (v) => v.step);
  const steps = useClassView(connection.view, (v) => v.lesson?.steps.length ?? 0);
  const me = useClassView(connection.view, (v) => v.participants.find((p) => p.seat === connection.seat));
  const handUp = (me?.handRaisedAt ?? 0) > 0;
  const following = useClassView(connection.view, (v) => v.followSeat === connection.seat);
  const classLocked = useClassView(connection.view, (v) => v.classLocked);
  const inAr = useXR((xr) => xr.mode === "immersive-ar");
  const voice = useStore(voiceSession, (session) => session.channel);
  const micOpen = useStore(voice?.state ?? closedMic, (state) => state.micOpen);
  const turnChoice = useStore(comfortChoices, (choices) => choices.turn);
  const posture = useStore(comfortChoices, (choices) => choices.posture);

  const button = (id: string, label: string, press: () => void, width: number, active = false): MenuButton => ({
    id,
    label,
    press,
    width,
    active,
  });
  const phrases = MENU_PHRASES.map((phrase) =>
    button(`phrase-${phrase}`, PHRASEBOOK[phrase][language], () => connection.sayPhrase(phrase), HALF),
  );
  const rows: MenuButton[][] = [
    [
      button(
        "hand",
        `✋ ${handUp ? t("speak.lowerHand") : t("speak.raiseHand")}`,
        () => connection.raiseHand(!handUp),
        HALF,
        handUp,
      ),
      // In a headset the mic is a toggle: holding a menu button while talking is awkward.
      button(
        "talk",
        `🎙 ${micOpen ? t("voice.micOff") : t("voice.micOn")}`,
        () => voice?.setMicOpen(!micOpen),
        HALF,
        micOpen,
      ),
    ],
    MENU_REACTIONS.map((reaction) =>
      button(`react-${reaction}`, REACTION_SYMBOLS[reaction], () => connection.react(reaction), THIRD),
    ),
    phrases.slice(0, 2),
    phrases.slice(2, 4),
  ];
  if (!inAr)
    // Comfort: how the stick turns, and a seated user's height; kept on this device.
    rows.push([
      button("comfort-turn", `↻ ${t(`comfort.${turnChoice}`)}`, nextTurnChoice, HALF),
      button(
        "comfort-posture",
        posture === "seated" ? `🪑 ${t("comfort.seated")}` : `🧍 ${t("comfort.standing")}`,
        togglePosture,
        HALF,
        posture === "seated",
      ),
    ]);
  if (inAr)
    // The student's own placement of the lesson in their room (nobody else sees it change).
    rows.push(
      [button("ar-move", `📍 ${t("ar.move")}`, () => placeAgain(), FULL)],
      [
        button("ar-turn-left", `⟲ ${t("ar.turnLeft")}`, () => turn(-1), HALF),
        button("ar-turn-right", `${t("ar.turnRight")} ⟳`, () => turn(1), HALF),
      ],
      [
        button("ar-smaller", `− ${t("ar.smaller")}`, () => resize(-1), HALF),
        button("ar-larger", `+ ${t("ar.larger")}`, () => resize(1), HALF),
      ],
    );
  if (role === Role.Teacher) {
    const gatherHere = () => {
      const head = connection.poses.latest(`head:${connection.seat}`);
      if (head) connection.gather([head.p[0], 0, head.p[2]]);
    };
    const pointing = me?.pointing ?? false;
    rows.push(
      [
        button("step-previous", `◀ ${t("lesson.previous")}`, () => connection.setStep(Math.max(0, step - 1)), HALF),
        button("step-next", `${t("lesson.next")} ▶`, () => connection.setStep(Math.min(steps - 1, step + 1)), HALF),
      ],
      [
        button("gather", `📍 ${t("teacher.gather")}`, gatherHere, HALF),
        button(
          "pointer",
          pointing ? t("teacher.pointerOff") : t("teacher.pointer"),
          () => connection.setPointer(!pointing),
          HALF,
          pointing,
        ),
      ],
      [
        button(
          "follow",
          following ? t("teacher.stopFollow") : t("teacher.follow"),
          () => connection.setFollow(!following),
          HALF,
          following,
        ),
        button(
          "class-lock",
          classLocked ? `🔒 ${t("teacher.unlockClass")}` : t("teacher.lockClass"),
          () => connection.setClassLocked(!classLocked),
          HALF,
          classLocked,
        ),
      ],
      [
        button("lock-all", `🔒 ${t("teacher.lockAll")}`, () => connection.setSceneLock(true), HALF),
        button("unlock-all", t("teacher.unlockAll"), () => connection.setSceneLock(false), HALF),
      ],
    );
  }

  return (
    // Left of the body at hand height, turned a little towards the user.
    <group position={[-0.42, 1.58, -0.62]} rotation={[-0.2, 0.5, 0]} name="vr-menu">
      <mesh position={[0, -((rows.length - 1) * (BUTTON_HEIGHT + GAP)) / 2, -0.005]}>
        <planeGeometry args={[FULL + 0.04, rows.length * (BUTTON_HEIGHT + GAP) + 0.02]} />
        <meshBasicMaterial color="#1d3557" transparent opacity={0.85} />
      </mesh>
      {rows.map((row, rowIndex) =>
        row.map((button, index) => {
          const rowWidth = row.reduce((sum, b) => sum + b.width, 0) + GAP * (row.length - 1);
          const before = row.slice(0, index).reduce((sum, b) => sum + b.width + GAP, 0);
          const x = -rowWidth / 2 + before + button.width / 2;
          return (
            <VrButton
              key={button.id}
              id={button.id}
              label={button.label}
              width={button.width}
              active={button.active}
              position={[x, -rowIndex * (BUTTON_HEIGHT + GAP), 0]}
              onPress={button.press}
            />
          );
        }),
      )}
    </group>
  );
}

interface VrButtonProps {
  id: string;
  label: string;
  width: number;
  active: boolean;
  position: [number, number, number];
  onPress: () => void;
}

function VrButton({ id, label, width, active, position, onPress }: VrButtonProps) {
  const [hovered, setHovered] = useState(false);
  const pressedBy = useRef<number | undefined>(undefined);
  const texture = useMemo(() => drawButton(label, width, active, hovered), [label, width, active, hovered]);
  useEffect(() => () => texture.dispose(), [texture]);
  return (
    <mesh
      position={position}
      name={`vr-button-${id}`}
      ref={(mesh) => {
        if (mesh) vrButtons.set(id, () => worldPoseOf(mesh));
        else vrButtons.delete(id);
      }}
      onPointerEnter={() => setHovered(true)}
      onPointerLeave={() => {
        setHovered(false);
        pressedBy.current = undefined;
      }}
      // A press is a trigger (or pinch) down and up on the button, however long it is held:
      // a slow frame rate must not turn a press into nothing.
      onPointerDown={(event: ThreeEvent<PointerEvent>) => {
        event.stopPropagation();
        pressedBy.current = event.pointerId;
      }}
      onPointerUp={(event: ThreeEvent<PointerEvent>) => {
        event.stopPropagation();
        if (pressedBy.current !== event.pointerId) return;
        pressedBy.current = undefined;
        onPress();
      }}
    >
      <planeGeometry args={[width, BUTTON_HEIGHT]} />
      <meshBasicMaterial map={texture} toneMapped={false} />
    </mesh>
  );
}

const PIXELS_PER_METRE = 1600;

function drawButton(label: string, width: number, active: boolean, hovered: boolean): CanvasTexture {
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(width * PIXELS_PER_METRE);
  canvas.height = Math.round(BUTTON_HEIGHT * PIXELS_PER_METRE);
  const context = canvas.getContext("2d")!;
  context.fillStyle = active ? "#2a6df4" : hovered ? "#e3ecf6" : "#ffffff";
  context.beginPath();
  context.roundRect(0, 0, canvas.width, canvas.height, 18);
  context.fill();
  context.fillStyle = active ? "#ffffff" : "#1d3557";
  context.font = `600 ${Math.round(canvas.height * 0.45)}px ${FONT_STACK}`;
  context.textAlign = "center";
  context.textBaseline = "middle";
  context.fillText(label, canvas.width / 2, canvas.height / 2, canvas.width - 20);
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  return texture;
}
