/** Writing to the class: one line of text, sent as written (the feed shows it to everyone). */
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Limits } from "../../shared/protocolNames.ts";
import type { ClassroomConnection } from "../net/connection.ts";

export function ChatBox({ connection }: { connection: ClassroomConnection }) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  return (
    <form
      className="chat"
      onSubmit={(event) => {
        event.preventDefault();
        if (!text.trim()) return;
        connection.chat(text.trim());
        setText("");
      }}
    >
      <input
        name="chat"
        aria-label={t("speak.chat")}
        placeholder={t("speak.chatPlaceholder")}
        maxLength={Limits.chatMaxLength}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit">{t("speak.send")}</button>
    </form>
  );
}
