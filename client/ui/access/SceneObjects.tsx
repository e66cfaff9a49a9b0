/**
 * The scene in words, and moving objects without a pointer. One Tab stop: a
 * list of the objects in the lesson, each with where it is on the table, who
 * holds it, whether it is locked or in place. Up and Down choose; Enter picks
 * the chosen object up; while holding, the arrow keys move it (Shift: five
 * times as far), Page Up and Page Down raise and lower it, Q and E turn it,
 * Enter puts it down and Escape puts it back. A teacher locks and unlocks the
 * chosen object with L. Hidden from sight until it has focus; always there for
 * a screen reader.
 */
import { useEffect, useId, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Pose } from "../../../shared/math.ts";
import { Role } from "../../../shared/protocolNames.ts";
import { useLocalize } from "../../app/useLocalize.ts";
import { useClassView } from "../../app/useStores.ts";
import type { ObjectView } from "../../net/classView.ts";
import type { ClassroomConnection } from "../../net/connection.ts";
import { screenProjection } from "../../scene/sceneRegistry.ts";
import { announce } from "./announcer.ts";
import { areaOf, cmToNearestPlace, heightAboveTableCm, keyMove, viewFrame } from "./keyboardMove.ts";

/** Positions change without a state update (they stream); the words are refreshed this often. */
const REFRESH_MS = 500;

export function SceneObjects({ connection }: { connection: ClassroomConnection }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const id = useId();
  const objects = useClassView(connection.view, (v) => v.objects);
  const lesson = useClassView(connection.view, (v) => v.lesson);
  const participants = useClassView(connection.view, (v) => v.participants);
  const teacher = useClassView(connection.view, (v) => v.role === Role.Teacher);
  const [chosen, setChosen] = useState(0);
  const [hold, setHolding] = useState<{ id: string; start: Pose } | undefined>();
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  // The server may refuse the grab (locked, someone else's): then nothing is held.
  const heldNow = hold && objects.find((o) => o.id === hold.id);
  const holding =
    hold && heldNow && [connection.seat, ""].includes(heldNow.heldBy) && connection.holds(hold.id) ? hold : undefined;

  const index = Math.min(chosen, Math.max(0, objects.length - 1));
  const poseOf = (objectId: string) =>
    connection.localHolds.get(objectId) ?? connection.poses.latest(`object:${objectId}`);
  const frameFor = (pose: Pose | undefined) => viewFrame(screenProjection.viewpoint?.(), pose?.p ?? [0, 0, 0]);
  const nameOf = (object: ObjectView) =>
    object.label || localize(lesson?.objects.find((o) => o.id === object.id)?.label).text || object.id;
  const placesOf = (objectId: string) =>
    (lesson?.objects.find((o) => o.id === objectId)?.snap ?? []).map((s) => s.pose);

  const whereOf = (object: ObjectView): string => {
    const pose = poseOf(object.id);
    if (!pose) return "";
    const height = heightAboveTableCm(pose.p);
    return [
      t(`scene.area.${areaOf(pose.p, frameFor(pose))}`),
      height > 0 ? t("scene.above", { cm: height }) : t("scene.onTable"),
    ].join(", ");
  };

  const describe = (object: ObjectView): string => {
    const states: string[] = [];
    if (object.heldBy === connection.seat) states.push(t("scene.heldByYou"));
    else if (object.heldBy)
      states.push(t("scene.heldBy", { name: participants.find((p) => p.seat === object.heldBy)?.nickname ?? "?" }));
    if (object.locked) states.push(t("scene.locked"));
    if (object.inPlace) states.push(t("scene.inPlace"));
    else if (holding?.id === object.id) {
      const cm = cmToNearestPlace(poseOf(object.id)?.p ?? [0, 0, 0], placesOf(object.id));
      if (cm !== undefined) states.push(t("scene.toPlace", { cm }));
    }
    if (!object.grabbable) states.push(t("scene.fixed"));
    return [nameOf(object), whereOf(object), ...states].filter(Boolean).join(" — ");
  };

  const onKey = (event: KeyboardEvent) => {
    const object = objects[index];
    if (holding) {
      const pose = poseOf(holding.id);
      const next = pose && keyMove(pose, event.key, event.shiftKey, frameFor(pose));
      if (next) {
        event.preventDefault();
        connection.move(holding.id, next);
        setTick((n) => n + 1);
      } else if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        connection.release(holding.id);
        const done = objects.find((o) => o.id === holding.id);
        setHolding(undefined);
        if (done) announce(t("scene.putDown", { name: nameOf(done), where: whereOf(done) }));
      } else if (event.key === "Escape") {
        event.preventDefault();
        connection.release(holding.id, holding.start);
        setHolding(undefined);
        announce(t("scene.putBack"));
      }
      return;
    }
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      Home: 0,
      End: objects.length - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      setChosen(Math.max(0, Math.min(objects.length - 1, moves[event.key]!)));
    } else if ((event.key === "Enter" || event.key === " ") && object) {
      event.preventDefault();
      const start = poseOf(object.id);
      if (!object.grabbable || !start) return announce(t("scene.cannotTake", { name: nameOf(object) }));
      connection.grab(object.id, start);
      setHolding({ id: object.id, start });
      announce(t("scene.pickedUp", { name: nameOf(object) }));
    } else if (teacher && event.key.toLowerCase() === "l" && object) {
      event.preventDefault();
      connection.setLock(object.id, !object.locked);
    }
  };

  return (
    <section className="scene-objects" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("scene.title")}</h2>
      <p id={`${id}-help`} className="scene-help">
        {t(teacher ? "scene.helpTeacher" : "scene.help")}
      </p>
      <ul
        role="listbox"
        tabIndex={0}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-help`}
        aria-activedescendant={objects[index] ? `${id}-${index}` : undefined}
        onKeyDown={onKey}
        onBlur={() => {
          // Focus gone elsewhere: what is held is put down where it is.
          if (holding) connection.release(holding.id);
          setHolding(undefined);
        }}
      >
        {objects.map((object, at) => (
          <li
            key={object.id}
            id={`${id}-${at}`}
            role="option"
            aria-selected={at === index}
            data-object={object.id}
            data-holding={holding?.id === object.id}
          >
            {describe(object)}
          </li>
        ))}
      </ul>
    </section>
  );
}
