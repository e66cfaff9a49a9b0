/** The whole interface: the lobby until a class is joined, then the class. */
import { lazy, Suspense, useEffect, useState } from "react";
import { Lobby } from "../ui/Lobby.tsx";
import { detectDevice, type DeviceAbilities } from "./device.ts";
import { parseLink } from "./links.ts";
import { preloadNetwork } from "./session.ts";
import { useSession } from "./useStores.ts";

/** The class screen (three.js, WebXR) is a separate download, fetched while the lobby is open. */
const loadClassScreen = () => import("../ui/ClassScreen.tsx");
const ClassScreen = lazy(loadClassScreen);
const ReplayScreen = lazy(() => import("../replay/ReplayScreen.tsx"));
const PREFETCH_AFTER_MS = 1200;

export function App() {
  const phase = useSession((s) => s.phase);
  const connection = useSession((s) => s.connection);
  const replay = useSession((s) => s.replay);
  const [abilities, setAbilities] = useState<DeviceAbilities | undefined>();
  const [link] = useState(() => parseLink(globalThis.location.hash));

  useEffect(() => {
    void detectDevice().then(setAbilities);
    const prefetch = setTimeout(() => {
      preloadNetwork();
      void loadClassScreen();
    }, PREFETCH_AFTER_MS);
    return () => clearTimeout(prefetch);
  }, []);

  if (phase === "class" && connection) {
    return (
      <Suspense fallback={<div className="scene-loading" role="progressbar" aria-busy="true" />}>
        <ClassScreen connection={connection} abilities={abilities} />
      </Suspense>
    );
  }
  if (phase === "replay" && replay) {
    return (
      <Suspense fallback={<div className="scene-loading" role="progressbar" aria-busy="true" />}>
        <ReplayScreen recording={replay} />
      </Suspense>
    );
  }
  return <Lobby abilities={abilities} link={link} />;
}
