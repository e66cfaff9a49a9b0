/** Starts the client: language, optional test/emulation hooks, then the interface. */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App.tsx";
import { resumeSavedSeat, sessionStore } from "./app/session.ts";
import { keepAppUpToDate } from "./app/appUpdates.ts";
import { initI18n, initialLanguage } from "./i18n/i18n.ts";
import { installEmulatedHeadsetIfAsked } from "./xr/emulator.ts";
import "./i18n/fonts.ts";
import "./ui/styles.css";

const language = initialLanguage();
sessionStore.setState({ language });
// Test hooks only with ?test=1, as a download of their own: they reach into the 3D scene.
const testHooks = new URLSearchParams(globalThis.location.search).has("test")
  ? import("./app/testHooks.ts").then(({ installTestHooksIfAsked }) => installTestHooksIfAsked())
  : undefined;
await Promise.all([initI18n(language), installEmulatedHeadsetIfAsked(), testHooks]);
void resumeSavedSeat();
keepAppUpToDate();

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
