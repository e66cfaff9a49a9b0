/** Checks an Open Badges credential in the browser, offline: anyone can see whether a badge is genuine. */
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type Verification, verifyCredential } from "../../shared/credential.ts";
import { FilePicker } from "./FilePicker.tsx";
import { readJsonFile } from "./readJsonFile.ts";

export function BadgeCheck() {
  const { t } = useTranslation();
  const [result, setResult] = useState<Verification | undefined>();
  const check = async (file: File) => {
    const read = await readJsonFile(file);
    setResult(read ? await verifyCredential(read.json) : { valid: false, problem: "not a JSON file" });
  };
  return (
    <section className="card badge-check" aria-label={t("lobby.badgeCheck")}>
      <FilePicker
        label={t("lobby.badgeCheck")}
        hint={t("lobby.badgeCheckHint")}
        name="badgeFile"
        accept=".json,application/json,application/ld+json"
        onFile={(file) => void check(file)}
      />
      {result && (
        <p className={result.valid ? "note" : "error"} role="status" data-valid={result.valid}>
          {result.valid
            ? `✓ ${t("lobby.badgeValid", { name: result.name, issuer: result.issuer })}`
            : `✗ ${t("lobby.badgeInvalid", { problem: result.problem })}`}
        </p>
      )}
    </section>
  );
}
