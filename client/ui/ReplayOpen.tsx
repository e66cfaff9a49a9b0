/** Opens a class recording a teacher saved, for a class that could not attend; the file is checked before anything is drawn. */
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { watchReplay } from "../app/session.ts";
import { FilePicker } from "./FilePicker.tsx";
import { readJsonFile } from "./readJsonFile.ts";

export function ReplayOpen() {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | undefined>();
  const open = async (file: File) => {
    // The replay format's checks load only when someone opens a recording.
    const { REPLAY_MAX_BYTES, checkReplay } = await import("../../shared/replay.ts");
    if (file.size > REPLAY_MAX_BYTES) return setProblem(`larger than ${REPLAY_MAX_BYTES / 1024 / 1024} MiB`);
    const read = await readJsonFile(file);
    if (!read) return setProblem("not a JSON file");
    const checked = checkReplay(read.json);
    if (!checked.ok) return setProblem(checked.problems.join("; "));
    setProblem(undefined);
    watchReplay(checked.recording);
  };
  return (
    <section className="card replay-open" aria-label={t("lobby.replayWatch")}>
      <FilePicker
        label={t("lobby.replayWatch")}
        hint={t("lobby.replayWatchHint")}
        name="replayFile"
        accept=".json,application/json"
        onFile={(file) => void open(file)}
      />
      {problem && (
        <p className="error" role="alert">
          {t("lobby.replayInvalid", { problem })}
        </p>
      )}
    </section>
  );
}
