/** A value to hand on (a link), with a Copy button; a secret one is masked on screen. */
import { useState } from "react";
import { useTranslation } from "react-i18next";

export function CopyField({
  label,
  hint,
  value,
  secret,
}: {
  label: string;
  hint?: string;
  value: string;
  secret?: boolean;
}) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <div className="copy-field">
      <label>
        {label}
        <input readOnly value={value} type={secret ? "password" : "text"} onFocus={(e) => e.target.select()} />
      </label>
      {hint && <small>{hint}</small>}
      <button
        className="small"
        onClick={() => {
          void navigator.clipboard?.writeText(value).then(() => setCopied(true));
        }}
      >
        {copied ? t("teacher.copied") : t("teacher.copy")}
      </button>
    </div>
  );
}
