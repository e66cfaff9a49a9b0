/**
 * Everyone else in the class: a head (with a visor showing where they look),
 * hands for headset users, a body for screen users, and a name tag. Drawn
 * from the interpolation buffers, so motion is smooth at 10–20 updates/s.
 */
import { useFrame, useThree } from "@react-three/fiber";
import { useEffect, useRef, useState } from "react";
import { REACTION_SYMBOLS } from "../../shared/phrasebook.ts";
import { ClassEventKind } from "../../shared/protocol.ts";
import { Euler, type Group, Quaternion, Vector3 } from "three";
import { useClassView } from "../app/useStores.ts";
import type { ParticipantView } from "../net/classView.ts";
import type { ClassroomConnection } from "../net/connection.ts";
import { voiceSession } from "../voice/voiceSession.ts";
import { LABEL_PRIORITY } from "./labelPlacement.ts";
import { NameTag } from "./NameTag.tsx";
import { avatarColor } from "./palette.ts";
import { applyPose } from "./poseConversion.ts";

export function Avatars({ connection }: { connection: ClassroomConnection }) {
  const participants = useClassView(connection.view, (v) => v.participants);
  return (
    <>
      {participants
        .filter((p) => p.seat !== connection.seat)
        .map((p) => (
          <Avatar key={p.seat} participant={p} connection={connection} />
        ))}
    </>
  );
}

const yawOnly = new Euler(0, 0, 0, "YXZ");
const viewer = new Vector3();
/** Closer than this to the viewer's eyes, an avatar is not drawn. */
const TOO_CLOSE_M = 0.7;
const bodyRotation = new Quaternion();

function Avatar({ participant, connection }: { participant: ParticipantView; connection: ClassroomConnection }) {
  const head = useRef<Group>(null);
  const body = useRef<Group>(null);
  const left = useRef<Group>(null);
  const right = useRef<Group>(null);
  const { seat } = participant;

  const whole = useRef<Group>(null);
  const camera = useThree((three) => three.camera);
  useFrame(() => {
    const now = performance.now();
    const headPose = connection.poses.sample(`head:${seat}`, now);
    // Someone standing where this view looks from would fill it: they step out of sight instead.
    if (headPose && whole.current)
      whole.current.visible =
        camera.getWorldPosition(viewer).distanceTo(head.current?.position ?? viewer) > TOO_CLOSE_M;
    if (headPose && head.current) {
      applyPose(head.current, headPose);
      if (body.current) {
        // The body stands under the head and turns with it, but never tilts.
        yawOnly.setFromQuaternion(head.current.quaternion, "YXZ");
        yawOnly.set(0, yawOnly.y, 0);
        bodyRotation.setFromEuler(yawOnly);
        body.current.position.set(headPose.p[0], headPose.p[1] - 0.45, headPose.p[2]);
        body.current.quaternion.copy(bodyRotation);
      }
    }
    for (const [hand, ref] of [
      ["left", left],
      ["right", right],
    ] as const) {
      const pose = connection.poses.sample(`${hand}:${seat}`, now);
      if (pose && ref.current) applyPose(ref.current, pose);
    }
  });

  const color = avatarColor(participant.color);
  const opacity = participant.connected ? 1 : 0.35;
  return (
    // Avatars cast no shadows: a class of 30 would double their draw calls for shadows nobody reads.
    <group ref={whole} name={`avatar-${participant.nickname}`}>
      <group ref={head}>
        <mesh>
          <sphereGeometry args={[0.11, 32, 16]} />
          <meshStandardMaterial color={color} transparent opacity={opacity} />
        </mesh>
        {/* The visor faces -z, the way the participant looks. */}
        <mesh position={[0, 0.01, -0.085]}>
          <boxGeometry args={[0.16, 0.06, 0.05]} />
          <meshStandardMaterial color="#1d3557" transparent opacity={opacity} />
        </mesh>
        <NameTag
          text={participant.nickname}
          color={color}
          position={[0, 0.2, 0]}
          height={0.07}
          opacity={opacity}
          declutter={LABEL_PRIORITY.person}
        />
        {participant.handRaisedAt > 0 && <NameTag text="✋" color={color} position={[0, 0.3, 0]} height={0.09} />}
        <ReactionBubble seat={seat} connection={connection} />
        {participant.micOn && <SpeakingMark seat={seat} color={color} />}
      </group>
      {participant.hasHands ? (
        <>
          <Hand ref={left} color={color} opacity={opacity} />
          <Hand ref={right} color={color} opacity={opacity} />
        </>
      ) : (
        <group ref={body}>
          <mesh position={[0, -0.25, 0]}>
            <capsuleGeometry args={[0.16, 0.45, 8, 16]} />
            <meshStandardMaterial color={color} transparent opacity={opacity * 0.85} />
          </mesh>
        </group>
      )}
    </group>
  );
}

function Hand({ ref, color, opacity }: { ref: React.Ref<Group>; color: string; opacity: number }) {
  return (
    <group ref={ref}>
      <mesh>
        <boxGeometry args={[0.07, 0.03, 0.1]} />
        <meshStandardMaterial color={color} transparent opacity={opacity} />
      </mesh>
    </group>
  );
}

const REACTION_SHOWN_MS = 3000;

/** The participant's latest reaction, floating above their head for a few seconds. */
function ReactionBubble({ seat, connection }: { seat: string; connection: ClassroomConnection }) {
  const latest = useClassView(connection.view, (v) =>
    v.events.findLast((e) => e.seat === seat && e.kind === ClassEventKind.Reaction),
  );
  const [hiddenAt, setHiddenAt] = useState<number | undefined>();
  useEffect(() => {
    if (!latest) return;
    const timer = setTimeout(() => setHiddenAt(latest.at), REACTION_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [latest]);
  if (!latest || latest.kind !== ClassEventKind.Reaction || hiddenAt === latest.at) return null;
  return <NameTag text={REACTION_SYMBOLS[latest.reaction]} color="#1d3557" position={[0.16, 0.28, 0]} height={0.1} />;
}

/**
 * A speaker mark above the head while this participant's voice carries
 * speech; through a media server (one mix, no voice of its own) while their
 * microphone is on.
 */
function SpeakingMark({ seat, color }: { seat: string; color: string }) {
  const [speaking, setSpeaking] = useState(false);
  const lastHeard = useRef(0);
  useFrame(() => {
    const now = performance.now();
    const audio = voiceSession.getState().audio;
    if (audio && (!audio.carries(seat) || audio.speaking(seat))) lastHeard.current = now;
    // Held a moment past the last sound, so the mark does not flicker between words.
    const shown = now - lastHeard.current < 400;
    if (shown !== speaking) setSpeaking(shown);
  });
  return speaking ? <NameTag text="🔊" color={color} position={[-0.16, 0.28, 0]} height={0.1} /> : null;
}
