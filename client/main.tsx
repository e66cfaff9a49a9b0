/** Starts the client: language, optional test/emulation hooks, then the interface. */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App.tsx";
import { resumeSavedSeat, sessionStore } from "./app/session.ts";
import { installTestHooksIfAsked } from "./app/testHooks.ts";
import { initI18n, initialLanguage } from "./i18n/i18n.ts";
import { installEmulatedHeadsetIfAsked } from "./xr/emulator.ts";
import "./i18n/fonts.ts";
import "./ui/styles.css";

const language = initialLanguage();
sessionStore.setState({ language });
await Promise.all([initI18n(language), installEmulatedHeadsetIfAsked()]);
installTestHooksIfAsked();
void resumeSavedSeat();

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
